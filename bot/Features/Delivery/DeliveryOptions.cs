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
    /// Failures on the bot's side (an exception, a claim that expired without an outcome) before a message or a reminder
    /// is parked rather than tried again for ever.
    /// </summary>
    public int MaxFailures { get; init; } = 5;

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

    /// <summary>
    /// How long a claim holds a message without being renewed. The instance working on it renews it three times a
    /// period, so this is how soon a killed instance's messages go to another instance (or to itself restarted).
    /// </summary>
    public TimeSpan ClaimFor { get; init; } = TimeSpan.FromSeconds(15);
}
