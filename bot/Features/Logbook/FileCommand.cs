using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// <c>file CODE</c>: the patient's file sheet, the dated summaries APs shared with the care team, ready to paste
/// into the hospital record. For the referring clinician, and for the establishment's coordinators in their channel.
/// </summary>
public sealed class FileCommand(ParoleOncoDbContext db, Roles roles, PatientDataProtector protector, AuditTrail audit) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["file", "dossier"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var code = request.Argument?.ToUpperInvariant();
        if (code is null)
        {
            return TurnResult.Show(HelpCards.ForAudience(await roles.AudienceAsync(caller, request.Place, cancellationToken), caller.Culture));
        }

        // Health data is shown in a 1:1 chat (the referring clinician) or in the coordinators' own channel, never elsewhere.
        var coordinated = await roles.EstablishmentsCoordinatedHereAsync(request.Place, caller, cancellationToken);
        var personal = request.Place.Kind == PlaceKind.Personal;
        if (!personal && coordinated.Count == 0)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.PatientCode == code && ((personal && r.ReferrerAadObjectId == caller.AadObjectId) || coordinated.Contains(r.EstablishmentId)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var shared = await (
            from entry in db.LogbookEntries.AsNoTracking()
            join ap in db.AccompanyingPatients.AsNoTracking() on entry.ApId equals ap.Id
            where referrals.Contains(entry.ReferralId) && entry.SharedWithCareTeam
            select new { entry, ap.Name }).ToListAsync(cancellationToken);
        foreach (var referralId in referrals)
        {
            audit.Record(caller, "file.read", AuditTrail.ReferralSubject(referralId));
        }

        var sheet = shared
            .OrderByDescending(x => x.entry.ContactDate).ThenByDescending(x => x.entry.CreatedAt)
            .Select(x => new SharedSummaryView(x.entry.ContactDate, x.Name, x.entry.Modality, x.entry.DurationMinutes, protector.Unprotect(x.entry.ProtectedSummary)))
            .ToList();
        return TurnResult.Show(LogbookCards.FileSheet(code, sheet, caller.Culture));
    }
}
