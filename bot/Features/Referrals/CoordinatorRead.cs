using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// A coordinator of the referral's establishment reads its card as it is now. Revealing the phone is audited; a refresh
/// is not: Teams refreshes every card a coordinator scrolls past, and it shows what the channel already shows.
/// </summary>
public sealed class CoordinatorRead(ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter, AuditTrail audit)
{
    public async Task<TurnResult> ReadAsync(TurnRequest request, bool revealPhone, CancellationToken cancellationToken)
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

        if (revealPhone)
        {
            if (await PhoneRefusedAsync(referral, request.Place, caller, cancellationToken) is { } refused)
            {
                return TurnResult.Show(refused.Card) with { Refused = refused.Why };
            }

            audit.Record(caller, "referral.phone.read", AuditTrail.ReferralSubject(referral.Id));
        }

        return TurnResult.Show(await presenter.ChannelCardAsync(referral, cancellationToken, revealPhone));
    }

    /// <summary>
    /// The phone is shown in the establishment's bound coordinators' channel alone (a group chat or another channel
    /// may hold people who are not coordinators, and an invoke's answer may be shown there), and only while someone
    /// must reach the patient.
    /// </summary>
    private async Task<(AdaptiveCard Card, string Why)?> PhoneRefusedAsync(Referral referral, Place place, Caller caller, CancellationToken cancellationToken)
    {
        var inBoundChannel = place.Kind == PlaceKind.Channel && await db.CoordinatorChannels.AnyAsync(
            c => c.EstablishmentId == referral.EstablishmentId && c.TeamId == place.TeamId && c.ChannelId == place.ChannelId,
            cancellationToken);
        return !inBoundChannel ? (NoticeCards.PhoneOnlyInCoordinatorChannel(caller.Culture), Refusals.WrongPlace)
            : !referral.PhoneMayBeShown ? (NoticeCards.PhoneReferralClosed(caller.Culture), Refusals.ReferralClosed)
            : null;
    }
}

/// <summary><c>referral.refresh</c>: a coordinator's Teams client asks for the card as it is now (Universal Actions).</summary>
public sealed class RefreshReferral(CoordinatorRead read) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralRefresh;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        read.ReadAsync(request, revealPhone: false, cancellationToken);
}

/// <summary>
/// <c>referral.phone</c>: a coordinator asks for the patient's phone (to reach a patient whose AP cannot). It is shown
/// to that coordinator alone: Teams shows an invoke's answer to the clicker only.
/// </summary>
public sealed class ShowReferralPhone(CoordinatorRead read) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralPhone;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        read.ReadAsync(request, revealPhone: true, cancellationToken);
}
