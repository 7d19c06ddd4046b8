namespace ParoleOnco.Features.Logbook;

/// <summary>
/// Something an AP learnt that may change the medical course, announced to the coordinators at once and again
/// until one of them acknowledges it. Acknowledged once, by one coordinator.
/// </summary>
public sealed class Escalation
{
    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }
    public Guid LogbookEntryId { get; init; }
    public Guid ApId { get; init; }
    public required string EstablishmentId { get; init; }
    public required string ProtectedReason { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public int Announcements { get; private set; } = 1;
    public string? AcknowledgedByName { get; private set; }
    public string? AcknowledgedByAadObjectId { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public void Acknowledge(string coordinatorAadObjectId, string coordinatorName, DateTimeOffset at)
    {
        if (IsAcknowledged)
        {
            throw new InvalidOperationException($"Escalation {Id} was already acknowledged.");
        }

        (AcknowledgedByAadObjectId, AcknowledgedByName, AcknowledgedAt) = (coordinatorAadObjectId, coordinatorName, at);
        Version++;
    }

    public void Announce()
    {
        if (IsAcknowledged)
        {
            throw new InvalidOperationException($"Escalation {Id} is acknowledged: nothing to announce.");
        }

        Announcements++;
        Version++;
    }
}
