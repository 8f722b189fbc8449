namespace Kalinga;

/// <summary>
/// A request that clashes with what is already stored (an address another customer holds, a taken e-mail,
/// team name, code or domain); answered as 409 problem details naming <see cref="Field"/>.
/// </summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
