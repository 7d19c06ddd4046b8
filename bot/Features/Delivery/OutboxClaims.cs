using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Delivery;

/// <summary>
/// Takes due messages for this instance. A claim is a conditional update of the message as read (its version, and an
/// expiry still past): of two instances claiming the same message, one wins. A claim expires unless its holder renews
/// it, so a crashed instance's messages come back.
/// </summary>
public sealed class OutboxClaims(ParoleOncoDbContext db, DeliveryInstance instance, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

        var claimed = new List<OutboxMessage>();
        foreach (var message in due)
        {
            var version = message.Version;
            var taken = Take(message, now);

            // On the row as read, and only while it is still free: another instance's claim changes the version, and a
            // live holder's renewal (which leaves the version to its sends) moves the expiry.
            var saved = await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.Version == version && m.Status == OutboxStatus.Pending
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(m => m.Version, message.Version)
                        .SetProperty(m => m.Attempts, message.Attempts)
                        .SetProperty(m => m.Failures, message.Failures)
                        .SetProperty(m => m.LastError, message.LastError)
                        .SetProperty(m => m.Status, message.Status)
                        .SetProperty(m => m.ClaimedBy, message.ClaimedBy)
                        .SetProperty(m => m.ClaimedUntil, message.ClaimedUntil),
                    cancellationToken);
            if (saved == 1 && taken)
            {
                claimed.Add(message);
            }
        }

        return claimed;
    }

    /// <summary>Claims the message, or parks it when its claims keep expiring; returns whether it was claimed.</summary>
    private bool Take(OutboxMessage message, DateTimeOffset now)
    {
        message.Version++;

        // A claim still set expired without an outcome: its holder died or stalled, maybe after its post reached
        // Teams. Counting it as an attempt makes the next send look for the card before posting it again; but a
        // holder may also have died before sending at all, so expired claims alone never use up the last attempt.
        // They are failures though: a card whose sending kills the process every time is parked, not tried for ever.
        if (message.ClaimedUntil is not null)
        {
            message.Attempts = Math.Min(message.Attempts + 1, Math.Max(1, options.Value.MaxAttempts - 1));
            message.LastError = "ClaimExpired";
            if (++message.Failures >= options.Value.MaxFailures)
            {
                (message.Status, message.ClaimedUntil) = (OutboxStatus.Parked, null);
                return false;
            }
        }

        message.ClaimedBy = instance.Name;
        message.ClaimedUntil = now + options.Value.ClaimFor;
        return true;
    }

    /// <summary>
    /// Keeps this instance's claims alive while it works on them: claims are short, so that a dead instance's messages
    /// come back within seconds, and renewed only while unexpired, so that a message another instance may already have
    /// taken over (its claim had expired) is never claimed back. The version is left alone: the sends in flight hold
    /// the message by it.
    /// </summary>
    public Task<int> RenewAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.ClaimFor;
        return db.OutboxMessages
            .Where(m => m.ClaimedBy == instance.Name && m.Status == OutboxStatus.Pending && m.ClaimedUntil >= now)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
    }
}
