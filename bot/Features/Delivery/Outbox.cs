using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Delivery;

/// <summary>Queues a turn's deliveries in the turn's own unit of work; the dispatcher is woken once it commits.</summary>
public sealed class Outbox(ParoleOncoDbContext db, PatientDataProtector protector, TimeProvider clock)
{
    public void Enqueue(IEnumerable<CardDelivery> deliveries)
    {
        var now = clock.GetUtcNow();
        foreach (var delivery in deliveries)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                RecipientKind = delivery.To.Kind,
                RecipientId = delivery.To.Id,
                Key = delivery.Key,
                ProtectedCard = protector.Protect(delivery.Card.ToJson()),
                EstablishmentId = delivery.To.Establishment ?? delivery.EstablishmentId,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>
    /// A person's chat with the bot just opened (the app installed for them): the cards that waited for it go now, not
    /// at their next try. Returns how many.
    /// </summary>
    public Task<int> DueNowForAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.OutboxMessages
            .Where(m => m.RecipientKind == RecipientKind.Person && m.RecipientId == aadObjectId && m.Status == OutboxStatus.Pending
                && m.ClaimedUntil == null && m.NextAttemptAt > now)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, now).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
    }
}
