namespace ParoleOnco.Features.Retention;

/// <summary>How long each kind of data is kept (README "Patient data" says why these defaults).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The patient's phone and the clinician's note, after the accompaniment ended (or the referral was declined).</summary>
    public TimeSpan ContactDataAfterClosing { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The free text of logbook entries and escalations; their structured fields stay for the program's figures.</summary>
    public TimeSpan RecordsAfterClosing { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The text of the tips APs shared in the community of practice, after they were posted.</summary>
    public TimeSpan TipsAfterPosting { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Audit rows.</summary>
    public TimeSpan Audit { get; init; } = TimeSpan.FromDays(7 * 365);

    /// <summary>Delivered (or superseded, or failed) outbox messages and fired reminders: bookkeeping only.</summary>
    public TimeSpan DeliveredMessages { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The hour of the daily purge, in the program's time zone (<c>Logbook:TimeZone</c>).</summary>
    public int RunAtHour { get; init; } = 3;
}
