namespace Kalinga;

/// <summary>
/// A request that clashes with what is already stored (a taken e-mail address, team name or code);
/// answered as 409 problem details naming <see cref="Field"/>.
/// </summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
