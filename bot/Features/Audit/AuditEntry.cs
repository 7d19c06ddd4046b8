namespace ParoleOnco.Features.Audit;

/// <summary>
/// One read or change of patient-related data, or an attempt refused: who, what, when, where, with what outcome.
/// Never the data itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorAadObjectId { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }

    /// <summary>Where it happened: <c>personal</c>, <c>channel</c>, <c>groupChat</c>, or <c>background</c> for the bot's own work.</summary>
    public string Place { get; init; } = AuditPlaces.Background;

    /// <summary><c>done</c>, or <c>refused</c> with <see cref="Reason"/>.</summary>
    public string Outcome { get; init; } = AuditOutcomes.Done;

    public string? Reason { get; init; }
}

public static class AuditPlaces
{
    public const string Personal = "personal";
    public const string Channel = "channel";
    public const string GroupChat = "groupChat";
    public const string Background = "background";

    /// <summary>A file downloaded through a signed link, outside Teams.</summary>
    public const string Download = "download";
}

public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
}
