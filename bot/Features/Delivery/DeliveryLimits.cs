using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ParoleOnco.Features.Delivery;

/// <summary>
/// Teams' rate limits for bots, kept before sending rather than learnt from 429s: per conversation 7 sends a
/// second, 8 per 2 s, 60 per 30 s and 1,800 an hour; per app and tenant 50 requests a second (with a margin).
/// The windows are wall-clock time, as Teams counts them.
/// </summary>
public sealed class DeliveryLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> perConversation = PartitionedRateLimiter.CreateChained(
        Window(7, TimeSpan.FromSeconds(1)),
        Window(8, TimeSpan.FromSeconds(2)),
        Window(60, TimeSpan.FromSeconds(30)),
        Window(1800, TimeSpan.FromHours(1)));

    private const int TokensPerRefill = 2;

    private readonly RateLimiter perApp;

    public DeliveryLimits(IOptions<DeliveryOptions> options)
    {
        // Evenly paced: a bucket refilled a second at a time lets a burst at the end of one second and the refill at
        // the start of the next through together, twice the limit within one second. Timers tick in whole
        // milliseconds, so one token every 1/46 s became one every 21 ms, 47.6 a second: tokens come in pairs, every
        // ceil(2000/n) ms, which keeps the rate at or just under n (45.45 a second for 46) and bursts at two.
        var rate = options.Value.RequestsPerSecond;
        perApp = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = TokensPerRefill,
            TokensPerPeriod = TokensPerRefill,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(Math.Ceiling(TokensPerRefill * 1000.0 / rate)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits until one more request to this conversation is within every limit.</summary>
    public async Task WaitAsync(string conversation, CancellationToken cancellationToken)
    {
        using var conversationLease = await perConversation.AcquireAsync(conversation, 1, cancellationToken);
        using var appLease = await perApp.AcquireAsync(1, cancellationToken);
        if (!conversationLease.IsAcquired || !appLease.IsAcquired)
        {
            throw new InvalidOperationException("A delivery rate limiter refused a lease it should have queued.");
        }
    }

    /// <summary>
    /// Waits for one request of the app's share, for what the bot sends outside the outbox (a reply to a typed command,
    /// a post after an update found no message, a team's details): Teams counts every request against the app.
    /// </summary>
    public async Task WaitForAppAsync(CancellationToken cancellationToken)
    {
        using var lease = await perApp.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The delivery rate limiter refused a lease it should have queued.");
        }
    }

    public void Dispose()
    {
        perConversation.Dispose();
        perApp.Dispose();
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(
            conversation,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = Math.Max(2, Math.Min(10, (int)window.TotalSeconds)),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
}
