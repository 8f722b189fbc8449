namespace Kalinga;

/// <summary>A request that breaks a business rule; answered as 400 problem details naming <see cref="Field"/>.</summary>
public sealed class RuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
