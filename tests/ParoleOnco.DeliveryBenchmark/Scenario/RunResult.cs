using Microsoft.Extensions.Logging;
using ParoleOnco.DeliveryBenchmark.Connector;
using ParoleOnco.DeliveryBenchmark.Profiling;
using ParoleOnco.Features.Delivery;

namespace ParoleOnco.DeliveryBenchmark.Scenario;

/// <summary>Everything one run observed: what the connector accepted and refused, the database's account, the samples.</summary>
public sealed record RunResult(
    string Provider,
    IReadOnlyList<SeededAp> Aps,
    long Start,
    DateTimeOffset StartedAt,
    TimeSpan Watched,
    IReadOnlyList<AcceptedRequest> Accepted,
    IReadOnlyList<long> Refused,
    int Unexpected,
    IReadOnlyList<ReminderOutcome> Reminders,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<(LogLevel Level, string Category, int Count, string Example)> Logs,
    IReadOnlyList<(string Name, Operation Operation)> Profile,
    IReadOnlyList<(long At, string Name)> ProfileEvents);

/// <summary>A planned-contact reminder as the database tells it: when it fired, and the outbox message it queued.</summary>
public sealed record ReminderOutcome(
    Guid ReferralId, DateTimeOffset? FiredAt, int Messages, OutboxStatus? Status, int Attempts, DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>
/// The pipeline once a second: reminders fired, outbox messages waiting, prompts the connector accepted, 429s, and
/// the process's CPU (bot and connector together) as a share of all cores.
/// </summary>
public sealed record Sample(TimeSpan At, int Fired, int Pending, int Delivered, int Throttled, double CpuShare, long ThreadPoolQueue, int Threads);
