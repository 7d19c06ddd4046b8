using Microsoft.Extensions.Options;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// <c>GET /exports/audit.csv?token=…</c>: the file behind a signed link. A forged or changed token gets 403, an
/// expired one 410, a token of someone who is no longer an admin 403; each download is audited before it starts.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Path = "/exports/audit.csv";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        string? token, AuditExportLinks links, IOptions<EstablishmentOptions> options, ParoleOncoDbContext db, AuditTrail audit,
        ProgramCalendar calendar, CancellationToken cancellationToken)
    {
        switch (links.Read(token))
        {
            case AuditExportRequest.Expired:
                return Results.StatusCode(StatusCodes.Status410Gone);
            case AuditExportRequest.Valid valid when options.Value.Admins.Contains(valid.AdminAadObjectId, StringComparer.OrdinalIgnoreCase):
                audit.RecordDownload(valid.AdminAadObjectId, "audit.export", $"audit:{valid.From:yyyy-MM-dd}..{valid.To:yyyy-MM-dd}");
                await db.SaveChangesAsync(cancellationToken);
                var file = $"paroleonco-audit-{valid.From:yyyy-MM-dd}-{valid.To:yyyy-MM-dd}.csv";
                return Results.Stream(
                    stream => new AccessLog(db).WriteCsvAsync(calendar.At(valid.From, 0), calendar.At(valid.To.AddDays(1), 0), stream, cancellationToken),
                    "text/csv; charset=utf-8", file);
            default:
                return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}
