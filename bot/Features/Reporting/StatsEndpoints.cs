using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// <c>GET /exports/figures.csv</c> and <c>/exports/accompaniments.csv</c> (<c>?token=…</c>): the files behind the
/// figures card's signed links. A forged, changed or other file's token gets 403, an expired one 410, the token of
/// someone who may no longer read those figures 403; each download is audited before it starts.
/// </summary>
public static class StatsEndpoints
{
    public const string FiguresPath = "/exports/figures.csv";
    public const string AccompanimentsPath = "/exports/accompaniments.csv";
    public const string ChartPath = "/charts/stats.png";

    public static IEndpointRouteBuilder MapStatsExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FiguresPath, (string? token, Download download, CancellationToken ct) => download.CsvAsync(StatsFile.Figures, token, ct));
        endpoints.MapGet(AccompanimentsPath, (string? token, Download download, CancellationToken ct) => download.CsvAsync(StatsFile.Accompaniments, token, ct));
        endpoints.MapGet(ChartPath, (string? token, Download download, CancellationToken ct) => download.ChartAsync(token, ct));
        return endpoints;
    }

    /// <summary>One download: the link checked, the reader checked again, the download audited, the file streamed.</summary>
    public sealed class Download(
        StatsLinks links, StatsAudience audience, ParoleOncoDbContext db, FigureQuery query, AuditTrail audit, ProgramCalendar calendar,
        IOptions<EstablishmentOptions> establishments)
    {
        public async Task<IResult> CsvAsync(StatsFile file, string? token, CancellationToken cancellationToken)
        {
            var request = await CheckAsync(file, token, cancellationToken);
            if (request is not StatsLinkRequest.Valid valid)
            {
                return Refusal(request);
            }

            var only = valid.EstablishmentId.Length == 0 ? null : valid.EstablishmentId;
            var name = file == StatsFile.Figures ? "figures" : "accompaniments";
            audit.RecordDownload(valid.CallerAadObjectId, $"stats.export.{name}", $"establishment:{(only ?? "all")}");
            await db.SaveChangesAsync(cancellationToken);

            var firstDay = valid.Period == StatsPeriod.SinceStart ? await query.FirstDayAsync(only, cancellationToken) : null;
            var months = StatsPeriod.ByMonth(valid.Period, calendar.Today, firstDay, query.Zone);
            var fileName = $"paroleonco-{name}-{only ?? "all"}-{valid.Period}.csv";
            return Results.Stream(
                stream => file == StatsFile.Figures
                    ? FiguresCsv.WriteAsync(query, [.. establishments.Value.Establishments.Select(e => e.Id)], only, months, stream, cancellationToken)
                    : AccompanimentsCsv.WriteAsync(db, only, months, stream, cancellationToken),
                "text/csv; charset=utf-8", fileName);
        }

        /// <summary>The chart of the last 12 months, for the card's picture (counts only: not audited).</summary>
        public async Task<IResult> ChartAsync(string? token, CancellationToken cancellationToken)
        {
            var request = await CheckAsync(StatsFile.Chart, token, cancellationToken);
            if (request is not StatsLinkRequest.Valid valid)
            {
                return Refusal(request);
            }

            var only = valid.EstablishmentId.Length == 0 ? null : valid.EstablishmentId;
            var months = await StatsBoard.ChartMonthsAsync(query, only, calendar.Today, cancellationToken);
            var (referrals, accepted) = StatsCards.ChartLegend(System.Globalization.CultureInfo.GetCultureInfo(valid.Language == "fr" ? "fr-CA" : "en"));
            return Results.File(StatsChart.Png(months, referrals, accepted), "image/png");
        }

        /// <summary>The link, and whoever it was made for may still read those figures.</summary>
        private async Task<StatsLinkRequest> CheckAsync(StatsFile file, string? token, CancellationToken cancellationToken)
        {
            var request = links.Read(file, token);
            return request is StatsLinkRequest.Valid valid && !await audience.MayStillReadAsync(valid.CallerAadObjectId, valid.EstablishmentId, cancellationToken)
                ? new StatsLinkRequest.Invalid()
                : request;
        }

        private static IResult Refusal(StatsLinkRequest request) =>
            Results.StatusCode(request is StatsLinkRequest.Expired ? StatusCodes.Status410Gone : StatusCodes.Status403Forbidden);
    }
}
