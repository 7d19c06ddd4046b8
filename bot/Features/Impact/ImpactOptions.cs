namespace ParoleOnco.Features.Impact;

/// <summary>The monthly impact card to every approved AP with something to show for the month that just ended.</summary>
public sealed class ImpactOptions
{
    public const string Section = "Impact";

    /// <summary>Quartz cron syntax with seconds, in the program's time zone (<c>Logbook:TimeZone</c>): the 1st of each month at 10:00.</summary>
    public string Cron { get; init; } = "0 0 10 1 * ?";
}
