namespace ParoleOnco.Features.Audit;

/// <summary>One read or change of patient-related data: who, what, when. Never the data itself.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorAadObjectId { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }
}
