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
}
