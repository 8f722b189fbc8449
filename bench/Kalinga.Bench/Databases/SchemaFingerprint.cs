namespace Kalinga.Bench.Databases;

/// <summary>
/// Names a cached database by what shaped its rows: the generator's version. Migrations added later are applied to
/// the cache in place with the app's own <c>migrate</c> verb before each run, so a merge on main does not cost a
/// regeneration; tables they add start empty, as they would on a desk that upgraded.
/// </summary>
public static class SchemaFingerprint
{
    /// <summary>Raise when the generated data changes shape or content.</summary>
    public const int GeneratorVersion = 2;

    public static string For(Engine engine) => $"g{GeneratorVersion}";
}
