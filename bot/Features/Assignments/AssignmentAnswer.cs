using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Assignments;

/// <summary>
/// What accepting and declining share: only the AP the referral was offered to may answer, once;
/// a repeated click shows the answer already given.
/// </summary>
public sealed class AssignmentAnswer(
    ParoleOncoDbContext db,
    Roles roles,
    ReferralPresenter presenter,
    AuditTrail audit,
    FirstContact firstContact,
    TimeProvider clock)
{
    public async Task<TurnResult> AnswerAsync(TurnRequest request, bool accept, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var ap = await roles.ApAsync(caller, cancellationToken);
        var referral = await ReferralLookup.FindAsync(db, request.Data.ReferralId, cancellationToken);
        var assignment = ap is null || referral is null
            ? null
            : await db.Assignments.SingleOrDefaultAsync(a => a.ReferralId == referral.Id && a.ApId == ap.Id, cancellationToken);
        if (assignment is null || referral is null)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        if (assignment.Status != AssignmentStatus.Offered)
        {
            // An accepted assignment's card shows the patient's phone again: a reading like any other.
            if (assignment.Status == AssignmentStatus.Accepted)
            {
                audit.Record(caller, "referral.phone.read", AuditTrail.ReferralSubject(referral.Id));
            }

            return TurnResult.Show(await presenter.AssignmentCardAsync(referral, assignment, caller.Culture, cancellationToken));
        }

        var now = clock.GetUtcNow();
        if (accept)
        {
            assignment.Accept(now);
            referral.AcceptAssignment(assignment.ApId, now);
        }
        else
        {
            assignment.Decline(now);
            referral.ReturnToQueue(assignment.ApId);
        }

        audit.Record(caller, accept ? "assignment.accept" : "assignment.decline", AuditTrail.ReferralSubject(referral.Id));
        await db.SaveChangesAsync(cancellationToken); // a double click or a Teams retry first: the turn runs again and shows that answer

        var card = await presenter.AssignmentCardAsync(referral, assignment, caller.Culture, cancellationToken);
        var deliveries = await presenter.DeliveriesAsync(referral, cancellationToken);
        if (accept)
        {
            deliveries.Add(firstContact.Plan(referral, caller, now));
        }

        return new TurnResult(card, deliveries);
    }
}
