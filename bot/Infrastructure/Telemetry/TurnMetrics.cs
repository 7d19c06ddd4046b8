using System.Diagnostics.Metrics;

namespace ParoleOnco.Infrastructure.Telemetry;

/// <summary>How long turns take, by verb: the one tag is a registered verb or command handler, never the caller's words.</summary>
public sealed class TurnMetrics
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> duration;
    private readonly TimeProvider clock;

    public TurnMetrics(IMeterFactory meters, TimeProvider clock)
    {
        duration = meters.Create(BotTelemetry.MeterName).CreateHistogram(
            "paroleonco.turn.duration", "s", "Time to handle a turn (a typed command or a card's verb), retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        this.clock = clock;
    }

    public Timing Time(string verb) => new(this, verb, clock.GetTimestamp());

    /// <summary>Recorded when disposed: <c>using var _ = metrics.Time(verb);</c>. A struct: a turn allocates nothing for it.</summary>
    public readonly struct Timing(TurnMetrics metrics, string verb, long started) : IDisposable
    {
        public void Dispose()
        {
            if (metrics.duration.Enabled)
            {
                metrics.duration.Record(metrics.clock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("verb", verb));
            }
        }
    }
}
