using Microsoft.Extensions.Options;
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

    public static IEndpointRouteBuilder MapStatsExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FiguresPath, (string? token, Download download, CancellationToken ct) => download.CsvAsync(StatsFile.Figures, token, ct));
        endpoints.MapGet(AccompanimentsPath, (string? token, Download download, CancellationToken ct) => download.CsvAsync(StatsFile.Accompaniments, token, ct));
        return endpoints;
    }

    /// <summary>One download: the link checked, the reader checked again, the download audited, the file streamed.</summary>
    public sealed class Download(
        StatsLinks links, StatsAudience audience, ParoleOncoDbContext db, FigureQuery query, AuditTrail audit, ProgramCalendar calendar,
        IOptions<EstablishmentOptions> establishments)
    {
        public async Task<IResult> CsvAsync(StatsFile file, string? token, CancellationToken cancellationToken)
        {
            var request = links.Read(file, token);
            if (request is StatsLinkRequest.Expired)
            {
                return Results.StatusCode(StatusCodes.Status410Gone);
            }

            if (request is not StatsLinkRequest.Valid valid || !await audience.MayStillReadAsync(valid.CallerAadObjectId, valid.EstablishmentId, cancellationToken))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
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
    }
}
