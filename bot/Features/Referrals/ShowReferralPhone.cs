using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// <c>referral.phone</c>: a coordinator of the establishment asks for the patient's phone (to reach a patient whose
/// AP cannot). It is shown to that coordinator alone, and the reading is audited.
/// </summary>
public sealed class ShowReferralPhone(
    ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter, AuditTrail audit) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralPhone;

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

        audit.Record(caller, "referral.phone.read", AuditTrail.ReferralSubject(referral.Id));
        await db.SaveChangesAsync(cancellationToken);
        return TurnResult.Show(await presenter.ChannelCardAsync(referral, cancellationToken, revealPhone: true));
    }
}
