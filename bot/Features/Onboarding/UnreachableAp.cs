using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>
/// Teams refuses the bot's messages to an approved AP (403: they blocked the bot, an admin disabled it, the app is
/// gone): like a removal, they are paused so that no patient is offered to someone who will never hear of it, the
/// offers they could not receive go back to the coordinators' queue, and the coordinators are told, once.
/// </summary>
public sealed class UnreachableAp(
    ParoleOncoDbContext db, ReferralPresenter referrals, ApPresenter presenter, AuditTrail audit, Locales locales, TimeProvider clock)
{
    /// <returns>The cards to send (none when nothing changed), or null when the person is not an approved AP.</returns>
    public async Task<IReadOnlyList<CardDelivery>?> PauseAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var ap = await db.AccompanyingPatients.SingleOrDefaultAsync(a => a.AadObjectId == aadObjectId, cancellationToken);
        if (ap is not { Status: ApStatus.Approved })
        {
            return null;
        }

        var returned = await WithdrawOffersAsync(ap, cancellationToken);
        if (ap.Paused && returned.Count == 0)
        {
            return []; // already paused, nothing waiting on them: the coordinators know or have nothing to do
        }

        if (!ap.Paused)
        {
            ap.Pause(PauseReason.Unreachable);
            audit.RecordByBot("ap.unreachable", AuditTrail.ApSubject(ap.Id));
        }

        List<CardDelivery> deliveries = [await presenter.ApprovalDeliveryAsync(ap, cancellationToken)];
        foreach (var referral in returned)
        {
            deliveries.AddRange(await referrals.DeliveriesAsync(referral, cancellationToken));
        }

        var notice = NoticeCards.ApUnreachable(
            ap.Name, [.. returned.Select(r => ReferralPresenter.Number(r.Id))], locales.OfEstablishment(ap.EstablishmentId));
        deliveries.Add(new CardDelivery(new Recipient.CoordinatorsOf(ap.EstablishmentId), MessageKeys.ApUnreachable(ap.Id, ap.Version), notice));
        return deliveries;
    }

    private async Task<List<Referral>> WithdrawOffersAsync(AccompanyingPatient ap, CancellationToken cancellationToken)
    {
        var offers = await db.Assignments.Where(a => a.ApId == ap.Id && a.Status == AssignmentStatus.Offered).ToListAsync(cancellationToken);
        var returned = new List<Referral>();
        foreach (var offer in offers)
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == offer.ReferralId, cancellationToken);
            offer.Withdraw(clock.GetUtcNow());
            referral.ReturnToQueue(ap.Id);
            audit.RecordByBot("assignment.withdrawn", AuditTrail.ReferralSubject(referral.Id));
            returned.Add(referral);
        }

        return returned;
    }
}
