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
            var (kind, id, establishment) = delivery.To switch
            {
                Recipient.Person p => (RecipientKind.Person, p.AadObjectId, delivery.EstablishmentId),
                Recipient.CoordinatorsOf c => (RecipientKind.Coordinators, c.EstablishmentId, c.EstablishmentId),
                _ => throw new ArgumentOutOfRangeException(nameof(deliveries), delivery.To, "Unknown recipient."),
            };
            db.OutboxMessages.Add(new OutboxMessage
            {
                RecipientKind = kind,
                RecipientId = id,
                Key = delivery.Key,
                ProtectedCard = protector.Protect(delivery.Card.ToJson()),
                EstablishmentId = establishment,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public static Recipient RecipientOf(OutboxMessage message) => message.RecipientKind == RecipientKind.Person
        ? new Recipient.Person(message.RecipientId)
        : new Recipient.CoordinatorsOf(message.RecipientId);
}
