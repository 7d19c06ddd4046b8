using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>referral.decline</c>: a coordinator declines the referral, with a reason the clinician will read.</summary>
public sealed class DeclineReferral(
    ParoleOncoDbContext db,
    CoordinatorDecision decision,
    ReferralPresenter presenter,
    AuditTrail audit,
    TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralDecline;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        decision.DecideAsync(request, (referral, ct) => DeclineAsync(referral, request, ct), cancellationToken);

    private async Task<DecisionOutcome> DeclineAsync(Referral referral, TurnRequest request, CancellationToken cancellationToken)
    {
        var reason = request.Data.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return DecisionOutcome.Refusal(DecisionRefused.ReasonMissing);
        }

        var caller = request.Caller;
        referral.Decline(reason[..Math.Min(reason.Length, ReferralCards.MaxReasonLength)], caller.AadObjectId, caller.Name, clock.GetUtcNow());
        audit.Record(caller, "referral.decline", AuditTrail.ReferralSubject(referral.Id));
        var deliveries = await presenter.DeliveriesAsync(referral, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DecisionOutcome.Made(deliveries);
    }
}
