namespace ParoleOnco.Features.Reporting;

/// <summary>The periods the figures card offers; their codes are the card's <c>period</c> input values.</summary>
public static class StatsPeriod
{
    public const string ThisMonth = "thisMonth";
    public const string LastMonth = "lastMonth";
    public const string Last12Months = "last12Months";
    public const string SinceStart = "sinceStart";

    public static readonly IReadOnlyList<string> All = [ThisMonth, LastMonth, Last12Months, SinceStart];

    public static string Parse(string? code) => All.FirstOrDefault(p => p == code) ?? ThisMonth;

    /// <summary>The period as one bucket; the current month is counted up to now.</summary>
    public static Buckets Whole(string period, DateOnly today, DateOnly? firstDay, TimeZoneInfo zone)
    {
        var (first, end) = Months(period, today, firstDay);
        return Buckets.Whole(first, end, zone);
    }

    /// <summary>The period cut into its months.</summary>
    public static Buckets ByMonth(string period, DateOnly today, DateOnly? firstDay, TimeZoneInfo zone)
    {
        var (first, end) = Months(period, today, firstDay);
        return Buckets.Months(first, end.AddMonths(-1), zone);
    }

    /// <summary>The first day of the period's first month, and the first day after its last month.</summary>
    private static (DateOnly First, DateOnly End) Months(string period, DateOnly today, DateOnly? firstDay)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return period switch
        {
            LastMonth => (month.AddMonths(-1), month),
            Last12Months => (month.AddMonths(-11), month.AddMonths(1)),
            SinceStart when firstDay is { } day && day < month => (new DateOnly(day.Year, day.Month, 1), month.AddMonths(1)),
            _ => (month, month.AddMonths(1)),
        };
    }
}
