using System.Diagnostics.Metrics;
using ParoleOnco.Features.Delivery;

namespace ParoleOnco.Infrastructure.Telemetry;

/// <summary>What became of each delivery attempt of the outbox, by outcome.</summary>
public sealed class DeliveryMetrics(IMeterFactory meters)
{
    private readonly Counter<long> attempts = meters.Create(BotTelemetry.MeterName).CreateCounter<long>(
        "paroleonco.outbox.deliveries", "{attempt}",
        "Outbox delivery attempts by outcome: sent, retry, final, unreachable (Teams' answer), superseded, error or parked (the bot's failures).");

    /// <summary>Teams' answer to a send.</summary>
    public void Tried(SendStatus status) => Outcome(status.ToString().ToLowerInvariant());

    public void Superseded() => Outcome("superseded");

    public void Failed(bool parked) => Outcome(parked ? "parked" : "error");

    private void Outcome(string outcome) => attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
