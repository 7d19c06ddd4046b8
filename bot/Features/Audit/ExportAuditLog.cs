using System.Globalization;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// <c>audit.export</c> (<c>from</c>, <c>to</c>): an admin gets a signed link to the audit log of that period as CSV,
/// served by the bot's own host. A period the bot cannot take comes back with the dates kept and why.
/// </summary>
public sealed class ExportAuditLog(Roles roles, AuditExportLinks links, ProgramCalendar calendar, IHttpContextAccessor http) : IVerbHandler
{
    private const int MaxDays = 366;

    public string Verb => CardVerbs.AuditExport;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!roles.IsAdmin(caller) || request.Place.Kind != PlaceKind.Personal)
        {
            return Task.FromResult(TurnResult.NotAllowed(caller.Culture, roles.IsAdmin(caller) ? Refusals.WrongPlace : Refusals.NotAdmin));
        }

        var today = calendar.Today;
        var from = Date(request.Data.From) ?? today.AddMonths(-1);
        var to = Date(request.Data.To) ?? today;
        if (Date(request.Data.From) is null || Date(request.Data.To) is null || from > to || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return Task.FromResult(TurnResult.Show(AuditCards.ExportForm(from, to, "AuditExportRange", caller.Culture)));
        }

        var url = $"{BaseUrl()}{AuditExportEndpoint.Path}?token={Uri.EscapeDataString(links.Token(caller.AadObjectId, from, to))}";
        return Task.FromResult(TurnResult.Show(AuditCards.ExportReady(url, from, to, caller.Culture)));
    }

    /// <summary>The bot's public address, as the Bot Connector reached it (behind a proxy, forwarded headers set it right).</summary>
    private string BaseUrl() => http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "";

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
