using ParoleOnco.Features.Reminders;

namespace ParoleOnco.Tests.Features.Reminders;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    [Fact]
    public void The_default_digest_runs_on_the_first_of_the_month_at_nine_in_quebec_winter_and_summer()
    {
        var schedule = new CronSchedule("0 0 9 1 * ?", Montreal);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 13, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2027, 6, 1, 13, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_next_run_is_strictly_after_now()
    {
        var schedule = new CronSchedule("0/2 * * * * ?", TimeZoneInfo.Utc);
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddSeconds(2), schedule.NextAfter(now));
    }

    [Theory]
    [InlineData("0 0 9 1 * ?", true)]
    [InlineData("0 0 10 1 * ?", true)]
    [InlineData("0 9 1 * *", false)]
    [InlineData("every month", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_quartz_cron_expressions_with_seconds_are_accepted(string? cron, bool valid) =>
        Assert.Equal(valid, CronSchedule.IsValid(cron));
}
