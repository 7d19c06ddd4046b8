using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// <c>stats</c> and <c>stats.show</c> (<c>establishmentId</c>, <c>period</c>): the figures card, redrawn in place
/// when the period or establishment changes, with signed links to its chart and its two CSV exports.
/// </summary>
public sealed class StatsBoard(
    StatsAudience audience, FigureQuery query, EstablishmentCatalog catalog, ProgramCalendar calendar, StatsLinks links, IHttpContextAccessor http)
{
    public async Task<TurnResult> ShowAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var (scope, refused) = await audience.HereAsync(request, cancellationToken);
        if (scope is null || scope.Pick(request.Data.EstablishmentId) is not { } establishmentId)
        {
            return TurnResult.NotAllowed(caller.Culture, refused ?? Refusals.NotCoordinator);
        }

        var period = StatsPeriod.Parse(request.Data.Period);
        var only = establishmentId.Length == 0 ? null : establishmentId;
        var today = calendar.Today;
        var firstDay = period == StatsPeriod.SinceStart ? await query.FirstDayAsync(only, cancellationToken) : null;
        var figures = await query.ComputeAsync(only, StatsPeriod.Whole(period, today, firstDay, query.Zone), cancellationToken);
        var current = await query.CurrentAsync(only, cancellationToken);
        var months = await ChartMonthsAsync(query, only, today, cancellationToken);

        var main = only is null
            ? Presented(Figures.Sum(figures.Values), CurrentLoad.Sum(current.Values))
            : Presented(figures.GetValueOrDefault(new(only, 0)) ?? new(), current.GetValueOrDefault(only) ?? CurrentLoad.None);
        IReadOnlyList<StatsSectionView> perEstablishment = only is null
            ? [.. scope.Establishments.Select(e => new StatsSectionView(
                e.Name, Presented(figures.GetValueOrDefault(new(e.Id, 0)) ?? new(), current.GetValueOrDefault(e.Id) ?? CurrentLoad.None)))]
            : [];
        var name = only is null ? null : catalog.NameOf(only);
        var view = new StatsView(
            period, establishmentId, scope.Establishments, scope.WholeProgram,
            new StatsSectionView(name ?? "", main), perEstablishment, months,
            Url(StatsEndpoints.ChartPath, StatsFile.Chart, caller, establishmentId, period),
            new StatsExportLinks(
                Url(StatsEndpoints.FiguresPath, StatsFile.Figures, caller, establishmentId, period),
                Url(StatsEndpoints.AccompanimentsPath, StatsFile.Accompaniments, caller, establishmentId, period)));
        return TurnResult.Show(StatsCards.Show(view, caller.Culture));
    }

    /// <summary>Referrals and accepted offers in each of the last 12 months, this one included.</summary>
    public static async Task<IReadOnlyList<MonthCountView>> ChartMonthsAsync(FigureQuery query, string? only, DateOnly today, CancellationToken cancellationToken)
    {
        var buckets = StatsPeriod.ByMonth(StatsPeriod.Last12Months, today, null, query.Zone);
        var counts = await query.MonthlyCountsAsync(only, buckets, cancellationToken);
        return [.. Enumerable.Range(0, buckets.Count).Select(i => new MonthCountView(
            buckets.Dates[i].ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            counts.GetValueOrDefault(i).Referrals,
            counts.GetValueOrDefault(i).Accepted))];
    }

    private string Url(string path, StatsFile file, Caller caller, string establishmentId, string period) =>
        $"{BaseUrl()}{path}?token={Uri.EscapeDataString(links.Token(file, caller.AadObjectId, establishmentId, period, caller.Culture.TwoLetterISOLanguageName))}";

    /// <summary>The bot's public address, as the Bot Connector reached it (behind a proxy, forwarded headers set it right).</summary>
    private string BaseUrl() => http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "";

    private static FiguresView Presented(Figures f, CurrentLoad now) => new()
    {
        Referrals = f.Referrals,
        Declined = f.Declined,
        DeclineReasons = [.. f.DeclineReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new CodeCount(r.Key, r.Value))],
        Matched = f.Matched,
        ApAccepted = f.ApAccepted,
        ApDeclined = f.ApDeclined,
        WaitingNow = now.WaitingNow,
        MedianHoursToDecision = f.MedianHoursToDecision,
        P90HoursToDecision = f.P90HoursToDecision,
        MedianHoursToAcceptance = f.MedianHoursToAcceptance,
        P90HoursToAcceptance = f.P90HoursToAcceptance,
        FirstContactWithinPct = f.FirstContactWithinPct,
        FirstContactDue = f.FirstContactDue,
        ActiveNow = now.ActiveNow,
        Closed = f.Closed,
        ClosedByOutcome = [.. Vocabulary.Outcomes.Where(f.ClosedByOutcome.ContainsKey).Select(o => new CodeCount(o, f.ClosedByOutcome[o]))],
        Contacts = f.Contacts,
        ContactMinutes = f.ContactMinutes,
        ByModality = [.. Vocabulary.Modalities.Where(f.ByModality.ContainsKey).Select(m => new ModalityCount(m, f.ByModality[m].Contacts, f.ByModality[m].Minutes))],
        SupportTypes = [.. f.SupportTypes.Keys.Order(StringComparer.Ordinal).Select(s => (s, f.SupportTypePct(s) ?? 0))],
        Escalations = f.Escalations,
        MedianMinutesToAcknowledge = f.MedianMinutesToAcknowledge,
        SatisfactionMean = f.SatisfactionMean,
        SatisfactionResponses = f.SatisfactionResponses,
        SatisfactionByScore = [.. Enumerable.Range(1, 5).Select(s => f.Satisfaction.GetValueOrDefault(s))],
        MinActivePerAp = now.MinActivePerAp,
        MedianActivePerAp = now.MedianActivePerAp,
        MaxActivePerAp = now.MaxActivePerAp,
        CapacityUsedPct = now.CapacityUsedPct,
        ParkingDollars = f.ParkingDollars,
        Kilometres = f.Kilometres,
    };
}
