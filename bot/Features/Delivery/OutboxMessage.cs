using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Features.Delivery;

public enum OutboxStatus
{
    Pending,
    Delivered,

    /// <summary>A newer card for the same message key was queued: only the latest state is worth showing.</summary>
    Superseded,

    /// <summary>Given up: the coordinators were told which message could not be delivered.</summary>
    Failed,

    /// <summary>
    /// Set aside after failing on our side again and again (an exception, or its sending killed the process each time):
    /// counted in <c>/healthz</c> and listed to admins (<c>parked</c>), never retried by itself.
    /// </summary>
    Parked,
}

/// <summary>
/// A card to deliver, written in the same transaction as the change that caused it, so a crash between the
/// two loses nothing; the dispatcher delivers it afterwards and a restart resumes where it stopped.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    /// <summary>Where it goes, as <see cref="Recipient.Of"/> reads it back.</summary>
    public required RecipientKind RecipientKind { get; init; }
    public required string RecipientId { get; init; }
    public required string Key { get; init; }
    /// <summary>The card, encrypted: cards for APs carry the patient's phone and the logbook's words. Emptied once done.</summary>
    public required string ProtectedCard { get; set; }

    /// <summary>The establishment whose coordinators hear of a delivery that failed for good.</summary>
    public string? EstablishmentId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Failures on the bot's side (an exception, a claim that expired without an outcome), not Teams' answers.</summary>
    public int Failures { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Which bot instance holds the message, until when: two instances never deliver the same message at once.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Version { get; set; }
}
