using System.Globalization;
using CsvHelper;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// <c>figures.csv</c>: one row per establishment and month of the period. Events count in the month they happened
/// (in the program's time zone), contacts in the month of their date, closings and satisfaction in the month of
/// closing. Numbers use a dot; a figure with nothing to compute it from is empty.
/// </summary>
public static class FiguresCsv
{
    /// <summary>The file's columns, in order: its contract with the evaluation team, documented in the README.</summary>
    public static readonly string[] Columns =
    [
        "establishment", "month", "referrals", "declined", "matched", "ap_accepted", "ap_declined", "median_hours_to_decision",
        "first_contact_within_48h_pct", "contacts", "contact_minutes", "escalations", "median_minutes_to_acknowledge", "closed",
        "satisfaction_mean", "satisfaction_responses", "parking_dollars", "kilometres",
    ];

    public static async Task WriteAsync(
        FigureQuery query, IReadOnlyList<string> establishments, string? only, Buckets months, Stream output, CancellationToken cancellationToken)
    {
        var figures = await query.ComputeAsync(only, months, cancellationToken);
        IReadOnlyList<string> rows = only is null ? [.. establishments.Union(figures.Keys.Select(k => k.Establishment)).Order(StringComparer.Ordinal)] : [only];

        // Escape: a cell a spreadsheet would run as a formula (=, +, -, @) is written as text.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, true);
        csv.WriteHeader(Columns);
        foreach (var establishment in rows)
        {
            for (var month = 0; month < months.Count; month++)
            {
                var f = figures.GetValueOrDefault(new(establishment, month)) ?? new Figures();
                await csv.WriteRecordAsync(Row(establishment, months.Dates[month], f), cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string[] Row(string establishment, DateOnly month, Figures f) =>
    [
        establishment, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), N(f.Referrals), N(f.Declined), N(f.Matched),
        N(f.ApAccepted), N(f.ApDeclined), N(f.MedianHoursToDecision), N(f.FirstContactWithinPct), N(f.Contacts), N(f.ContactMinutes),
        N(f.Escalations), N(f.MedianMinutesToAcknowledge), N(f.Closed), N(f.SatisfactionMean), N(f.SatisfactionResponses),
        N(f.ParkingDollars), N(f.Kilometres),
    ];

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string N(double? value) => value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";

    internal static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
