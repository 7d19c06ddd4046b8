using Microsoft.EntityFrameworkCore;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reminders;

/// <summary>
/// Makes sure each periodic work has a pending run before the bot takes traffic (after the database migrated): the
/// first start of the bot plans it, and so does a start after a run was parked. Two instances starting at once plan it
/// once (a unique index on the pending key).
/// </summary>
internal sealed class PeriodicWorkPlanner(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
        foreach (var work in scope.ServiceProvider.GetServices<IPeriodicWork>())
        {
            if (await db.Reminders.AnyAsync(r => r.PeriodicKey == work.Key && r.Status == ReminderStatus.Pending, cancellationToken))
            {
                continue;
            }

            db.Reminders.Add(Reminder.Periodic(work.Kind, work.Key, work.NextRunAfter(clock.GetUtcNow())));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance planned it first
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
