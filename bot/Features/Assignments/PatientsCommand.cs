using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Assignments;

/// <summary><c>patients</c>: an AP's own patients, offered or accepted, with their phone.</summary>
public sealed class PatientsCommand(
    ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter, PatientDataProtector protector, AuditTrail audit) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["patients"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.WrongPlace);
        }

        var ap = await roles.ApAsync(caller, cancellationToken);
        if (ap is not { Status: Onboarding.ApStatus.Approved })
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotApprovedAp);
        }

        var mine = await (
            from assignment in db.Assignments.AsNoTracking()
            join referral in db.Referrals.AsNoTracking() on assignment.ReferralId equals referral.Id
            where assignment.ApId == ap.Id
                && (assignment.Status == AssignmentStatus.Offered || assignment.Status == AssignmentStatus.Accepted || assignment.Status == AssignmentStatus.Closed)
            orderby assignment.OfferedAt descending
            select new { assignment, referral }).ToListAsync(cancellationToken);

        var views = mine.Select(x => new AssignmentView(
            presenter.ToView(x.referral, ap.Name),
            protector.Unprotect(x.referral.ProtectedPhone),
            x.referral.ProtectedNote is { } note ? protector.Unprotect(note) : null,
            ReferralPresenter.StatusCode(x.assignment.Status),
            x.assignment.AnsweredAt)).ToList();
        foreach (var x in mine)
        {
            audit.Record(caller, "referral.read", AuditTrail.ReferralSubject(x.referral.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TurnResult.Show(ApCards.PatientList(views, caller.Culture));
    }
}
