namespace ParoleOnco.Features.Delivery;

/// <summary>
/// A card on its way, as the sender needs it: who, which message (posted once, then updated), what.
/// <paramref name="MayBeShownSince"/> is set when an earlier try to deliver this message key may have reached Teams
/// without the bot learning it (a timeout, a dropped answer, a process that died): from when to look for it before
/// posting again. <paramref name="LastAttempt"/>: when Teams cannot tell whether it shows the card, post it anyway
/// (at least once) rather than never.
/// </summary>
public sealed record OutgoingCard(
    Conversations.Recipient To, string Key, string CardJson, DateTimeOffset? MayBeShownSince = null, bool LastAttempt = false);

public enum SendStatus
{
    Sent,

    /// <summary>Throttled or a transient failure: worth trying again, after <see cref="SendResult.RetryAfter"/> if given.</summary>
    Retry,

    /// <summary>Will never succeed (no coordinators' channel, a card Teams rejects): stop and tell someone.</summary>
    Final,

    /// <summary>
    /// The person never opened a chat with the bot: install the app for them (<see cref="IAppInstaller"/>), whose chat
    /// the card then goes to, rather than give up.
    /// </summary>
    InstallFirst,

    /// <summary>
    /// Teams refuses the bot in that conversation (403: the app removed, the bot blocked, disabled by an admin): never
    /// worth retrying, and a reason to stop offering patients to an AP who will not hear of them.
    /// </summary>
    Unreachable,
}

/// <param name="MayHaveBeenShown">
/// A post failed after it may have reached Teams (timeout, connection lost after sending, 502, 504): it is looked
/// for before posting again, once Graph can list it, not at once.
/// </param>
public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null, bool MayHaveBeenShown = false)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);
}

/// <summary>Posts a card, or updates the message already showing it, in Teams.</summary>
public interface ICardSender
{
    Task<SendResult> SendAsync(OutgoingCard card, CancellationToken cancellationToken);
}
