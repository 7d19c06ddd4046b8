using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Delivery;

/// <summary>Messages and reminders parked after failing on the bot's side again and again: what an admin must look at.</summary>
public sealed class ParkedWork(ParoleOncoDbContext db)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Parked, cancellationToken)
        + await db.Reminders.CountAsync(r => r.Status == ReminderStatus.Parked, cancellationToken);

    /// <summary>The parked items, newest first: what each is, how often it failed and how, never what it carries.</summary>
    public async Task<IReadOnlyList<ParkedItemView>> ListAsync(CancellationToken cancellationToken)
    {
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Parked)
            .Select(m => new ParkedItemView(ParkedKinds.Message, m.Key, m.Failures, m.LastError, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Parked)
            .Select(r => new { r.Id, r.Kind, r.Failures, r.LastError, r.DueAt })
            .ToListAsync(cancellationToken);
        return
        [
            .. messages.Concat(reminders.Select(r => new ParkedItemView(ParkedKinds.Reminder, $"{r.Kind} {r.Id:N}", r.Failures, r.LastError, r.DueAt)))
                .OrderByDescending(p => p.Since),
        ];
    }
}
