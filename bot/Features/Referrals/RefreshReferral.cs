using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>referral.refresh</c>: a coordinator's Teams client asks for the card as it is now (Universal Actions).</summary>
public sealed class RefreshReferral(
    ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter, AuditTrail audit) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralRefresh;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var referral = await ReferralLookup.FindAsync(db, request.Data.ReferralId, cancellationToken);
        if (referral is null)
        {
            return TurnResult.Show(NoticeCards.ReferralNotFound(caller.Culture));
        }

        if (!await roles.IsCoordinatorAsync(referral.EstablishmentId, caller, cancellationToken))
        {
            return TurnResult.Show(NoticeCards.NotAllowed(caller.Culture));
        }

        audit.Record(caller, "referral.read", AuditTrail.ReferralSubject(referral.Id));
        await db.SaveChangesAsync(cancellationToken);
        return TurnResult.Show(await presenter.ChannelCardAsync(referral, cancellationToken));
    }
}
