using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Delivery;

/// <summary>
/// Takes due messages for this instance. A claim is an optimistic update of the message's version: of two
/// instances claiming the same message, one wins. A claim expires, so a crashed instance's messages come back.
/// </summary>
public sealed class OutboxClaims(ParoleOncoDbContext db, DeliveryInstance instance, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

        var claimed = new List<OutboxMessage>();
        foreach (var message in due)
        {
            // A claim still set expired without an outcome: its holder died or stalled, maybe after its post reached
            // Teams. Counting it as an attempt makes the next send look for the card before posting it again; but a
            // holder may also have died before sending at all, so expired claims alone never use up the last attempt.
            if (message.ClaimedUntil is not null)
            {
                message.Attempts = Math.Min(message.Attempts + 1, Math.Max(1, options.Value.MaxAttempts - 1));
            }

            message.ClaimedBy = instance.Name;
            message.ClaimedUntil = now + options.Value.ClaimFor;
            message.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance claimed it first.
                db.Entry(message).State = EntityState.Detached;
            }
        }

        return claimed;
    }
}
