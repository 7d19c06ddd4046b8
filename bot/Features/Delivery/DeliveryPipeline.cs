using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ParoleOnco.Features.Delivery;

/// <summary>
/// Quick retries of one send: the connector's <c>Retry-After</c> when it gives one, jittered exponential backoff
/// otherwise. Waits are wall-clock time, as the connector means them, whatever clock the program runs on.
/// </summary>
public sealed class DeliveryPipeline(IOptions<DeliveryOptions> options)
{
    private readonly ResiliencePipeline<SendResult> pipeline = new ResiliencePipelineBuilder<SendResult> { TimeProvider = TimeProvider.System }
        .AddRetry(new RetryStrategyOptions<SendResult>
        {
            // A post that may have reached Teams waits for the lookup rather than being tried again at once.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Status: SendStatus.Retry, MayHaveBeenShown: false }),
            MaxRetryAttempts = options.Value.QuickRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Value.FirstRetryDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
        })
        .Build();

    public ValueTask<SendResult> ExecuteAsync(Func<CancellationToken, ValueTask<SendResult>> send, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(send, cancellationToken);
}
