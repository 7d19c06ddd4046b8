using Microsoft.Extensions.Options;

namespace ParoleOnco.Features.Logbook;

/// <summary>Dates as the program lives them: in Quebec, whatever the server's time zone.</summary>
public sealed class ProgramCalendar(TimeProvider clock, IOptions<LogbookOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>That date at that hour in the program's time zone, as an instant.</summary>
    public DateTimeOffset At(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
