namespace ParoleOnco.Features.Nudges;

/// <summary>The reminders to refer: a digest to the clinicians who referred in the last 12 months.</summary>
public sealed class NudgesOptions
{
    public const string Section = "Nudges";

    /// <summary>Quartz cron syntax with seconds, in the program's time zone (<c>Logbook:TimeZone</c>): the 1st of each month at 9:00.</summary>
    public string Cron { get; init; } = "0 0 9 1 * ?";
}
