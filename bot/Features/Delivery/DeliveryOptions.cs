namespace ParoleOnco.Features.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the dispatcher looks for due messages when nothing woke it (other instances, retries).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Quick retries of one send (429, 412, 502, 503, 504, timeouts) before it is rescheduled.</summary>
    public int QuickRetries { get; init; } = 4;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends of one message in all (each with its quick retries) before the coordinators are told.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RescheduleDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A post that may have reached Teams is looked for (through Graph) this much later, not at once: Graph lists a
    /// new message a few seconds after it shows.
    /// </summary>
    public TimeSpan LookupDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This instance's share of Teams' 50 requests a second per app and tenant, with a margin (requests arrive
    /// bunched; replies to typed commands take from it too): with several instances, divide it between them (the
    /// limiter counts in-process).
    /// </summary>
    public int RequestsPerSecond { get; init; } = 46;

    public int Parallelism { get; init; } = 8;

    public TimeSpan ClaimFor { get; init; } = TimeSpan.FromMinutes(2);
}
