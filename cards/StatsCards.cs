using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>The program's figures for coordinators (their establishment) and admins (every establishment and the whole program).</summary>
public static class StatsCards
{
    /// <summary>The periods offered, as <c>stats.show</c>'s <c>period</c> values.</summary>
    public static readonly IReadOnlyList<string> Periods = ["thisMonth", "lastMonth", "last12Months", "sinceStart"];

    /// <summary>The <c>establishmentId</c> of the whole program (a choice's value cannot be empty).</summary>
    public const string WholeProgram = "all";

    public static AdaptiveCard Show(StatsView view, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var f = view.Main.Figures;
        IEnumerable<CardElement> body =
        [
            Blocks.Title(t["StatsTitle"]),
            Blocks.Subtle($"{(view.Main.Name.Length == 0 ? t["StatsWholeProgram"] : view.Main.Name)} — {t.Label("StatsPeriod", view.Period)}"),
            .. Inputs(t, view),
            .. Chart(t, view.Months, view.ChartUrl),
            Blocks.Heading(t["StatsReferrals"]),
            Blocks.Facts(
                (t["StatsReceived"], N(f.Referrals)), (t["StatsDeclined"], N(f.Declined)), (t["StatsMatched"], N(f.Matched)),
                (t["StatsApAccepted"], N(f.ApAccepted)), (t["StatsApDeclined"], N(f.ApDeclined)), (t["StatsWaitingNow"], N(f.WaitingNow))),
            .. Reasons(t, f.DeclineReasons),
            Blocks.Heading(t["StatsDelays"]),
            Blocks.Facts(
                (t["StatsToDecision"], Spread(t, f.MedianHoursToDecision, f.P90HoursToDecision)),
                (t["StatsToAcceptance"], Spread(t, f.MedianHoursToAcceptance, f.P90HoursToAcceptance)),
                (t["StatsFirstContact"], f.FirstContactWithinPct is { } pct ? t.Format("StatsPctOf", Num(t, pct), f.FirstContactDue) : t["StatsNone"])),
            Blocks.Heading(t["StatsAccompaniments"]),
            Blocks.Facts(
                [(t["StatsActiveNow"], N(f.ActiveNow)), (t["StatsClosed"], N(f.Closed)),
                 .. f.ClosedByOutcome.Select(o => ("· " + t.Label("Outcome", o.Code), N(o.Count)))]),
            Blocks.Heading(t["StatsContacts"]),
            Blocks.Facts(
                [(t["StatsContactsLogged"], t.Format("StatsContactsMinutes", f.Contacts, f.ContactMinutes)),
                 .. f.ByModality.Select(m => ("· " + t.Label("Modality", m.Code), t.Format("StatsContactsMinutes", m.Contacts, m.Minutes))),
                 .. f.SupportTypes.Select(s => (t.Label("SupportType", s.Code), t.Format("StatsPct", Num(t, s.Pct))))]),
            Blocks.Heading(t["StatsEscalationsAndSatisfaction"]),
            Blocks.Facts(
                (t["StatsEscalations"], N(f.Escalations)),
                (t["StatsToAcknowledge"], f.MedianMinutesToAcknowledge is { } ack ? t.Format("StatsMinutes", Num(t, ack)) : t["StatsNone"]),
                (t["StatsSatisfaction"], f.SatisfactionMean is { } mean ? t.Format("StatsSatisfactionMean", Num(t, mean), f.SatisfactionResponses) : t["StatsNone"]),
                (t["StatsSatisfactionByScore"], string.Join(" · ", f.SatisfactionByScore.Select((n, i) => t.Format("StatsScore", i + 1, n))))),
            Blocks.Heading(t["StatsApLoad"]),
            Blocks.Facts(
                (t["StatsActivePerAp"], f.MaxActivePerAp is { } max ? t.Format("StatsMinMedianMax", f.MinActivePerAp, Num(t, f.MedianActivePerAp ?? 0), max) : t["StatsNone"]),
                (t["StatsCapacityUsed"], f.CapacityUsedPct is { } used ? t.Format("StatsPct", Num(t, used)) : t["StatsNone"]),
                (t["StatsExpenses"], t.Format("StatsExpensesValue", t.Number(f.ParkingDollars, "0.00"), t.Number(f.Kilometres, "0.#")))),
            .. PerEstablishment(t, view.PerEstablishment),
        ];
        return Blocks.Card(body, Actions(t, view));
    }

    private static IEnumerable<CardElement> Inputs(Texts t, StatsView view)
    {
        if (view.WholeProgramAllowed || view.Choices.Count > 1)
        {
            yield return new InputChoiceSet
            {
                Id = "establishmentId",
                Label = t["EstablishmentLabel"],
                Choices = [.. (view.WholeProgramAllowed ? [new Choice(t["StatsWholeProgram"], WholeProgram)] : Array.Empty<Choice>()), .. view.Choices.Select(c => new Choice(c.Name, c.Id))],
                Value = Establishment(view),
                Style = ChoiceInputStyle.Compact,
            };
        }

        yield return new InputChoiceSet
        {
            Id = "period",
            Label = t["StatsPeriodLabel"],
            Choices = [.. Periods.Select(p => new Choice(t.Label("StatsPeriod", p), p))],
            Value = view.Period,
            Style = ChoiceInputStyle.Compact,
        };
    }

    private static IEnumerable<CardElement> Chart(Texts t, IReadOnlyList<MonthCountView> months, string? url)
    {
        if (url is null || months.Count == 0)
        {
            yield break;
        }

        yield return Blocks.Heading(t["StatsChartTitle"]);
        yield return new Image { Url = url, AltText = ChartAltText(t, months) };
    }

    /// <summary>The chart's numbers in words, for screen readers and for whoever cannot load the picture.</summary>
    internal static string ChartAltText(Texts t, IReadOnlyList<MonthCountView> months) =>
        t.Format("StatsChartAlt", string.Join("; ", months.Select(m => t.Format("StatsChartMonth", m.Month, m.Referrals, m.Accepted))));

    /// <summary>The chart's legend in the caller's language: the bot draws the picture, the texts live here.</summary>
    public static (string Referrals, string Accepted) ChartLegend(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return (t["StatsChartReferrals"], t["StatsChartAccepted"]);
    }

    /// <summary>The chart's description in the caller's language.</summary>
    public static string ChartAltText(IReadOnlyList<MonthCountView> months, CultureInfo culture) => ChartAltText(Texts.For(culture), months);

    /// <summary>What coordinators typed when declining: shown literally, most frequent first.</summary>
    private static IEnumerable<CardElement> Reasons(Texts t, IReadOnlyList<CodeCount> reasons)
    {
        if (reasons.Count == 0)
        {
            yield break;
        }

        yield return Blocks.Subtle(t["StatsDeclineReasons"]);
        foreach (var reason in reasons.Take(MaxReasons))
        {
            yield return Blocks.Typed($"{reason.Count} × {reason.Code}");
        }
    }

    private const int MaxReasons = 5;

    private static IEnumerable<CardElement> PerEstablishment(Texts t, IReadOnlyList<StatsSectionView> sections)
    {
        if (sections.Count == 0)
        {
            yield break;
        }

        yield return Blocks.Heading(t["StatsByEstablishment"]);
        yield return Blocks.Facts([.. sections.Select(s => (s.Name, (string?)t.Format(
            "StatsEstablishmentLine", s.Figures.Referrals, s.Figures.Matched, s.Figures.ApAccepted, s.Figures.WaitingNow, s.Figures.ActiveNow)))]);
    }

    private static IEnumerable<CardAction> Actions(Texts t, StatsView view)
    {
        yield return Blocks.Execute(t["StatsShow"], CardVerbs.StatsShow, new CardActionData { EstablishmentId = Establishment(view) });
        if (view.Exports is { } exports)
        {
            yield return new ActionOpenUrl { Title = t["StatsExportFigures"], Url = exports.Figures };
            yield return new ActionOpenUrl { Title = t["StatsExportAccompaniments"], Url = exports.Accompaniments };
        }
    }

    private static string Establishment(StatsView view) => view.EstablishmentId.Length == 0 ? WholeProgram : view.EstablishmentId;

    private static string Spread(Texts t, double? median, double? p90) =>
        median is { } m && p90 is { } p ? t.Format("StatsHoursSpread", Num(t, m), Num(t, p)) : t["StatsNone"];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(Texts t, double value) => t.Number((decimal)Math.Round(value, 1), "0.#");
}
