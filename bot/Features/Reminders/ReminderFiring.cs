using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reminders;

/// <summary>
/// Fires one reminder: marks it done, runs it and queues its cards in one transaction. Of two instances firing the
/// same reminder, the second fails on the reminder's version and its whole transaction is rolled back.
/// </summary>
public sealed class ReminderFiring(ParoleOncoDbContext db, IServiceProvider services, Outbox outbox, OutboxSignal signal, TimeProvider clock)
{
    /// <returns>Whether this instance fired it.</returns>
    public async Task<bool> FireAsync(Guid reminderId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == reminderId && r.Status == ReminderStatus.Pending, cancellationToken);
        if (reminder is null)
        {
            return false;
        }

        reminder.Done(clock.GetUtcNow());
        // A kind nobody does throws: the reminder fails, then is parked, rather than doing something else.
        var deliveries = await services.GetRequiredKeyedService<IScheduledWork>(reminder.Kind).FireAsync(reminder, cancellationToken);
        outbox.Enqueue(deliveries);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        if (deliveries.Count > 0)
        {
            signal.Notify();
        }

        return true;
    }
}
