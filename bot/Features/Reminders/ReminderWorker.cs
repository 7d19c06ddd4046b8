using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reminders;

/// <summary>Fires due reminders. The schedule lives in the database, so a restart loses none and any instance may fire them.</summary>
internal sealed partial class ReminderWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<ReminderWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fired = 0;
            try
            {
                fired = await FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, ex.GetType().Name);
            }

            // A full batch means more are due: go on at once. Otherwise wait, in real time: the business clock
            // decides what is due, not how often to look.
            if (fired < BatchSize)
            {
                await Task.Delay(options.Value.PollInterval, TimeProvider.System, stoppingToken);
            }
        }
    }

    private async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>().Reminders.AsNoTracking()
                .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)
                .OrderBy(r => r.DueAt)
                .Select(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await FireOneAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task FireOneAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderFiring>().FireAsync(id, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // One reminder that cannot fire must not hold back the ones due after it, nor come back for ever.
            var error = FailureText.Of(ex);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
            if (await db.Reminders.FindAsync([id], cancellationToken) is { Status: ReminderStatus.Pending } reminder)
            {
                reminder.Fail(error, clock.GetUtcNow() + RetryAfter, options.Value.MaxFailures);
                await db.SaveChangesAsync(cancellationToken);
                LogReminderFailed(logger, id, reminder.Kind, error, reminder.Status == ReminderStatus.Parked ? "parked" : "postponed");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Id} ({Kind}) failed to fire ({Error}); it is {Outcome}")]
    private static partial void LogReminderFailed(ILogger logger, Guid id, ReminderKind kind, string error, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder round failed ({Error}); due reminders wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
