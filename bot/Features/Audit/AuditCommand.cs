using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// <c>audit CODE</c>: to an admin in their 1:1 chat, everyone who read or changed that patient code's data, or tried
/// to; <c>audit</c> alone: the export of the whole log for a period. Anyone else is refused without learning whether
/// the code exists. Reading an access log is itself an access, and is audited.
/// </summary>
public sealed class AuditCommand(Roles roles, AccessLog log, AuditTrail audit, ProgramCalendar calendar) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["audit"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!roles.IsAdmin(caller))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotAdmin);
        }

        if (request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.WrongPlace);
        }

        var today = calendar.Today;
        var code = request.Argument;
        if (code is null)
        {
            return TurnResult.Show(AuditCards.ExportForm(today.AddMonths(-1), today, null, caller.Culture));
        }

        code = code.ToUpperInvariant();
        var referrals = await log.ReferralsOfAsync(code, cancellationToken);
        var rows = await log.OfReferralsAsync(referrals, cancellationToken);
        foreach (var referral in referrals)
        {
            audit.Record(caller, "audit.read", AuditTrail.ReferralSubject(referral));
        }

        return TurnResult.Show(AuditCards.AccessLog(code, rows, today, caller.Culture));
    }
}
