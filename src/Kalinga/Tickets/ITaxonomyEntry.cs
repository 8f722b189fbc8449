namespace Kalinga.Tickets;

/// <summary>
/// An entry of a fixed-but-extensible list (contact reasons, dissatisfaction causes). The built-in entries are
/// seeded by the migrations and named from the resource files in every language; admins add their own with one
/// name, and may retire those, but never rename or retire a built-in one: reports compare them across years.
/// </summary>
public interface ITaxonomyEntry<TSelf>
    where TSelf : class, ITaxonomyEntry<TSelf>
{
    /// <summary>The resource key prefix of the built-in names (<c>Reason</c> → <c>Reason.complaint</c>).</summary>
    static abstract string ResourcePrefix { get; }

    /// <summary>What a user calls one entry, for messages ("contact reason").</summary>
    static abstract string Noun { get; }

    static abstract TSelf Custom(string code, string name);

    int Id { get; }

    string Code { get; }

    string Name { get; }

    bool IsSystem { get; }

    bool IsActive { get; }

    void Rename(string name);

    void SetActive(bool active);
}
