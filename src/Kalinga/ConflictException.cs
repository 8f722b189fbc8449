namespace Kalinga;

/// <summary>
/// A request that collides with data that already exists (an address another customer holds, a domain another
/// organization owns); answered as 409 problem details naming <see cref="Field"/>.
/// </summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
