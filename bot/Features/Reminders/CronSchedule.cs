using Quartz;

namespace ParoleOnco.Features.Reminders;

/// <summary>
/// When periodic work set by a Quartz cron expression (with seconds: <c>0 0 9 1 * ?</c>) runs next, in the program's
/// time zone. Quartz's parser rather than one of our own: the syntax is the one operators already know.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression expression;

    public CronSchedule(string cron, TimeZoneInfo zone)
    {
        expression = new CronExpression(cron, zone);
    }

    public static bool IsValid(string? cron)
    {
        try
        {
            return cron is not null && new CronExpression(cron, TimeZoneInfo.Utc) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The first run strictly after <paramref name="now"/>; a cron that never fires again is refused at start.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now) =>
        expression.GetNextValidTimeAfter(now) ?? throw new InvalidOperationException("The cron expression never fires again.");
}
