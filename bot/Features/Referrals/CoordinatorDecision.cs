using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// What every coordinator decision shares: find the referral, check the caller coordinates its establishment,
/// and make sure double clicks, Teams retries and two coordinators at once end in exactly one decision.
/// Whoever loses sees the card as the winner left it.
/// </summary>
public sealed class CoordinatorDecision(ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter)
{
    private const int MaxAttempts = 3;

    /// <param name="decide">Applies and saves the decision and returns what to deliver, or why the input allows none.</param>
    public async Task<TurnResult> DecideAsync(
        TurnRequest request,
        Func<Referral, CancellationToken, Task<DecisionOutcome>> decide,
        CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var referral = await ReferralLookup.FindAsync(db, request.Data.ReferralId, cancellationToken);
        if (referral is null)
        {
            return TurnResult.Show(NoticeCards.ReferralNotFound(caller.Culture));
        }

        if (!await roles.IsCoordinatorAsync(referral.EstablishmentId, caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        for (var attempt = 1; referral.IsOpen && attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var outcome = await decide(referral, cancellationToken);
                if (outcome.Deliveries is not { } deliveries)
                {
                    // The input allows no decision, perhaps because another coordinator's has just been committed
                    // (their AP is then no longer on offer for this patient): show the referral as it is now, and why
                    // nothing was decided if nobody else decided either.
                    await db.Entry(referral).ReloadAsync(cancellationToken);
                    return await CurrentCardAsync(referral, cancellationToken, referral.IsOpen ? outcome.Refused : null);
                }

                return new TurnResult(
                    ReferralPresenter.ChannelCardIn(deliveries, referral) ?? await presenter.ChannelCardAsync(referral, cancellationToken),
                    deliveries);
            }
            catch (DbUpdateException)
            {
                // A concurrent decision touched the same rows (on PostgreSQL the loser may fail on the AP or the
                // assignment before the referral). If someone decided, show that; if the referral is still open
                // (the other click lost too), decide again.
                db.ChangeTracker.Clear();
                referral = await db.Referrals.SingleAsync(r => r.Id == referral.Id, cancellationToken);
            }
        }

        return await CurrentCardAsync(referral, cancellationToken);
    }

    private async Task<TurnResult> CurrentCardAsync(Referral referral, CancellationToken cancellationToken, DecisionRefused? refused = null) =>
        TurnResult.Show(await presenter.ChannelCardAsync(referral, cancellationToken, refused: refused));
}

/// <summary>A coordinator's decision: what to deliver once it is saved (the coordinators' card among it), or why none was made.</summary>
public sealed record DecisionOutcome(IReadOnlyList<CardDelivery>? Deliveries, DecisionRefused? Refused = null)
{
    public static DecisionOutcome Made(IReadOnlyList<CardDelivery> deliveries) => new(deliveries);

    public static DecisionOutcome Refusal(DecisionRefused why) => new(null, why);
}
