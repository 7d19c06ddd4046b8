using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>referral.approve</c>: a coordinator matches the referral with one of the suggested APs.</summary>
public sealed class ApproveReferral(
    ParoleOncoDbContext db,
    CoordinatorDecision decision,
    Candidates candidates,
    ReferralPresenter presenter,
    AuditTrail audit,
    ReminderSchedule schedule,
    IOptions<MatchingOptions> options,
    TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralApprove;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        decision.DecideAsync(request, (referral, ct) => MatchAsync(referral, request, ct), cancellationToken);

    private async Task<DecisionOutcome> MatchAsync(Referral referral, TurnRequest request, CancellationToken cancellationToken)
    {
        var ap = Guid.TryParse(request.Data.ApId, out var apId) ? await candidates.OnOfferAsync(referral, apId, cancellationToken) : null;
        if (ap is null)
        {
            return DecisionOutcome.Refusal(DecisionRefused.PickNoLongerOnOffer);
        }

        var caller = request.Caller;
        var now = clock.GetUtcNow();
        referral.Match(ap.Id, caller.AadObjectId, caller.Name, now);
        ap.TakeOn();
        var assignment = new Assignment { Id = Guid.NewGuid(), ReferralId = referral.Id, ApId = ap.Id, EstablishmentId = referral.EstablishmentId, OfferedAt = now };
        db.Assignments.Add(assignment);
        schedule.Add(ReminderKind.OfferExpiry, referral.Id, now, now + options.Value.OfferExpiresAfter);
        audit.Record(caller, "referral.approve", AuditTrail.ReferralSubject(referral.Id));

        // Cards from the decided state in memory, then the write: the write lock is held from the save on only.
        var deliveries = await presenter.DeliveriesAsync(referral, cancellationToken);
        deliveries.Add(await presenter.AssignmentDeliveryAsync(referral, assignment, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return DecisionOutcome.Made(deliveries);
    }
}
