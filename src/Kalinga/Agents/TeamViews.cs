namespace Kalinga.Agents;

public sealed record TeamSummary(long Id, string Name, string? Description, int MemberCount);

public sealed record TeamDetails(long Id, string Name, string? Description, IReadOnlyList<TeamMember> Members);

public sealed record TeamMember(long Id, string Name, string Email, AgentRole Role, bool Active);
