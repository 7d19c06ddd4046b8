using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Assignments;

/// <summary>
/// An offer the AP has not answered within <c>Matching:OfferExpiresAfter</c> goes back to the coordinators' queue, so a
/// patient does not wait on someone who is away: the channel card waits for a match again and says who did not answer,
/// the AP's offer says it expired (no Accept, no phone), the clinician's status follows. An answer given in time, or
/// any later change, leaves nothing for it to do.
/// </summary>
public sealed class OfferExpiry(ParoleOncoDbContext db, ReferralPresenter presenter, AuditTrail audit, TimeProvider clock) : IScheduledWork
{
    public async Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        // The reminder's Since is the offer's time: a later offer of the same referral has its own reminder.
        var offer = await db.Assignments.SingleOrDefaultAsync(
            a => a.ReferralId == reminder.ReferralId && a.Status == AssignmentStatus.Offered && a.OfferedAt == reminder.Since, cancellationToken);
        var referral = offer is null ? null : await db.Referrals.SingleOrDefaultAsync(r => r.Id == offer.ReferralId, cancellationToken);
        if (offer is null || referral is not { Status: ReferralStatus.Matched })
        {
            return [];
        }

        offer.Expire(clock.GetUtcNow());
        referral.ReturnToQueue(offer.ApId);
        audit.RecordByBot("assignment.expired", AuditTrail.ReferralSubject(referral.Id));
        var deliveries = await presenter.DeliveriesAsync(referral, cancellationToken);
        deliveries.Add(await presenter.AssignmentDeliveryAsync(referral, offer, cancellationToken));
        return deliveries;
    }
}
