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

        using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = KeepClaimsAsync(round.Token);
        try
        {
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
        }
        finally
        {
            await round.CancelAsync();
            await heartbeat;
        }

        return claimed.Count;
    }

    /// <summary>
    /// Renews the round's claims three times per claim period while its sends are in flight (quick retries, Teams'
    /// limits): a live instance keeps what it holds, a killed one lets it go within one claim period.
    /// </summary>
    private async Task KeepClaimsAsync(CancellationToken roundOver)
    {
        var period = options.Value.ClaimFor / 3;
        while (!roundOver.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, TimeProvider.System, roundOver);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxClaims>().RenewAsync(roundOver);
            }
            catch (OperationCanceledException) when (roundOver.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // The next beat tries again; a claim lost meanwhile shows as a version conflict when its send is recorded.
                LogRenewalFailed(logger, ex.GetType().Name);
            }
        }
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
            // Whatever one message throws (an undecryptable card, an expired secret, a state it can no longer apply to),
            // the others still go out, and this one is tried again later, then parked for an admin to look at.
            var error = FailureText.Of(ex);
            await using var scope = scopes.CreateAsyncScope();
            var parked = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RecordFailureAsync(message.Id, error, cancellationToken);
            LogMessageFailed(logger, message.Id, message.Key, error, parked ? "parked" : "postponed");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Key}) failed ({Error}); it is {Outcome}")]
    private static partial void LogMessageFailed(ILogger logger, long id, string key, string error, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this instance's outbox claims failed ({Error}); the next beat tries again")]
    private static partial void LogRenewalFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox round failed ({Error}); pending messages wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
