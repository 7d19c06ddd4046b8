namespace ParoleOnco.Features.Reminders;

public enum ReminderKind
{
    /// <summary>A planned contact's date came: ask the AP how it went.</summary>
    PlannedContact,

    /// <summary>No entry since <see cref="Reminder.Since"/>: one gentle reminder to the AP.</summary>
    LogbookOverdue,

    /// <summary>Still no entry after the reminder: the coordinators are told.</summary>
    CoordinatorOverdue,

    /// <summary>An escalation nobody acknowledged yet is announced again.</summary>
    EscalationReannounce,

    /// <summary>Daily: patient data past its retention period is erased (<c>Retention:*</c>).</summary>
    RetentionPurge,

    /// <summary>An offer the AP has not answered by now goes back to the coordinators' queue.</summary>
    OfferExpiry,

    /// <summary>On <c>Nudges:Cron</c>: the reminder to refer, to clinicians who referred in the last 12 months.</summary>
    NudgeDigest,

    /// <summary>On <c>Impact:Cron</c>: the monthly impact card, to approved APs with something to show for the month.</summary>
    MonthlyImpact,
}

public enum ReminderStatus
{
    Pending,
    Done,

    /// <summary>Failed to fire again and again: set aside, counted in <c>/healthz</c> and listed to admins.</summary>
    Parked,
}

/// <summary>
/// Work due at a time, kept in the database so it survives restarts. Firing is a claim on <see cref="Version"/>
/// in the same transaction as the messages it sends: with several bot instances, a reminder fires once. Most are
/// about a referral; periodic work (the retention purge) names itself by <see cref="PeriodicKey"/> instead, and the
/// database keeps at most one pending reminder per key.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; init; }
    public ReminderKind Kind { get; init; }
    public Guid? ReferralId { get; init; }
    public Guid? EscalationId { get; init; }
    public string? PeriodicKey { get; init; }

    /// <summary>An entry written after this moment answers the reminder.</summary>
    public DateTimeOffset Since { get; init; }

    public DateTimeOffset DueAt { get; private set; }
    public ReminderStatus Status { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public int Failures { get; private set; }

    /// <summary>The last failure's exception type and where it was thrown: never patient data.</summary>
    public string? LastError { get; private set; }

    public int Version { get; private set; }

    public static Reminder Create(ReminderKind kind, Guid referralId, DateTimeOffset since, DateTimeOffset dueAt, Guid? escalationId) =>
        new() { Id = Guid.NewGuid(), Kind = kind, ReferralId = referralId, EscalationId = escalationId, Since = since, DueAt = dueAt };

    public static Reminder Periodic(ReminderKind kind, string key, DateTimeOffset dueAt) =>
        new() { Id = Guid.NewGuid(), Kind = kind, PeriodicKey = key, Since = dueAt, DueAt = dueAt };

    /// <summary>
    /// Firing failed: try again later rather than block the reminders due after it; after <paramref name="maxFailures"/>
    /// it is parked, so a reminder that can never fire does not come back for ever.
    /// </summary>
    public void Fail(string error, DateTimeOffset retryAt, int maxFailures)
    {
        Failures++;
        LastError = error;
        DueAt = retryAt;
        if (Failures >= maxFailures)
        {
            Status = ReminderStatus.Parked;
        }

        Version++;
    }

    public void Done(DateTimeOffset at)
    {
        Status = ReminderStatus.Done;
        DoneAt = at;
        Version++;
    }
}
