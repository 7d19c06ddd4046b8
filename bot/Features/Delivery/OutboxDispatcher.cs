using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Delivery;

/// <summary>
/// Delivers the outbox: due messages are claimed (so two bot instances never send the same one), sent within
/// Teams' limits with quick retries, and rescheduled or given up on. Runs until the host stops; a restart
/// resumes with whatever is still pending.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // The database was unreachable or busy: the messages stay pending for the next round.
                LogRoundFailed(logger, ex.GetType().Name);
            }

            if (delivered == 0)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One round: returns how many messages it handled, so a full batch is followed at once by the next.</summary>
    private async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<OutboxClaims>();
        var claimed = await claims.ClaimDueAsync(BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // One conversation's messages go in order; different conversations go in parallel.
        var byRecipient = claimed.GroupBy(m => (m.RecipientKind, m.RecipientId));
        await Parallel.ForEachAsync(
            byRecipient,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (messages, ct) =>
            {
                foreach (var message in messages)
                {
                    await DeliverOneAsync(message, ct);
                }
            });
        return claimed.Count;
    }

    private async Task DeliverOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever one message throws (an undecryptable card, an expired secret), the others still go out,
            // and this one is tried again later, then given up on like any failing message.
            LogMessageFailed(logger, message.Id, ex.GetType().Name);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().PostponeAsync(message.Id, ex.GetType().Name, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} failed ({Error}); it is postponed")]
    private static partial void LogMessageFailed(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox round failed ({Error}); pending messages wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
