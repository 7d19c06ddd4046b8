using System.Globalization;
using ParoleOnco.Cards;
using ScottPlot;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// The figures card's picture: referrals received and offers accepted per month, side by side, as a PNG small
/// enough for Teams to load at once. The card's <c>altText</c> states the same numbers.
/// </summary>
public static class StatsChart
{
    public const int Width = 640;
    public const int Height = 260;

    public static byte[] Png(IReadOnlyList<MonthCountView> months, string referralsLabel, string acceptedLabel)
    {
        var plot = new Plot();
        var referrals = Colors.C0;
        var accepted = Colors.C1;
        var bars = months.SelectMany((m, i) => new[]
        {
            new Bar { Position = (i * 3) + 0.5, Value = m.Referrals, FillColor = referrals, LineWidth = 0 },
            new Bar { Position = (i * 3) + 1.5, Value = m.Accepted, FillColor = accepted, LineWidth = 0 },
        });
        plot.Add.Bars(bars.ToList());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. months.Select((_, i) => (i * 3) + 1.0)], [.. months.Select(m => Short(m.Month))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(bottom: 0, top: 0.35); // room for the legend above the bars
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = referralsLabel, FillColor = referrals });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = acceptedLabel, FillColor = accepted });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>"2026-03" as "03/26": twelve labels fit under the bars.</summary>
    private static string Short(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MM/yy", CultureInfo.InvariantCulture);
}
