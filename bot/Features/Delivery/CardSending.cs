namespace ParoleOnco.Features.Delivery;

/// <summary>A card on its way, as the sender needs it: who, which message (posted once, then updated), what.</summary>
public sealed record OutgoingCard(Conversations.Recipient To, string Key, string CardJson);

public enum SendStatus
{
    Sent,

    /// <summary>Throttled or a transient failure: worth trying again, after <see cref="SendResult.RetryAfter"/> if given.</summary>
    Retry,

    /// <summary>Will never succeed (bot removed, blocked, no conversation): stop and tell someone.</summary>
    Final,
}

public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);
}

/// <summary>Posts a card, or updates the message already showing it, in Teams.</summary>
public interface ICardSender
{
    Task<SendResult> SendAsync(OutgoingCard card, CancellationToken cancellationToken);
}
