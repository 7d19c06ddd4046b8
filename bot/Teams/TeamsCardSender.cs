using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;

namespace ParoleOnco.Teams;

/// <summary>
/// Sends an outbox card through the Bot Connector: posts it the first time its message key is seen, updates
/// that message in place afterwards. Connector failures come back as a <see cref="SendResult"/>, classified
/// the way Teams documents them.
/// </summary>
public sealed partial class TeamsCardSender(
    ProactiveTurn proactive,
    ConversationLookup lookup,
    PostedCards postedCards,
    ShownCards shownCards,
    DeliveryLimits limits,
    ILogger<TeamsCardSender> logger) : ICardSender
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public async Task<SendResult> SendAsync(OutgoingCard card, CancellationToken cancellationToken)
    {
        var target = await card.To.FindAsync(lookup, cancellationToken);
        if (target is null)
        {
            return new SendResult(card.To.OpensOnInstall ? SendStatus.InstallFirst : SendStatus.Final, "NoConversation");
        }

        var posting = new Posting();
        try
        {
            return await PostOrUpdateAsync(card, target, posting, cancellationToken);
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            var status = ex.Response.StatusCode;
            return Classify(status, ex.Body?.Error?.Code, RetryAfter(ex.Response.Headers)) with
            {
                MayHaveBeenShown = posting.Started && status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
            };
        }
        catch (HttpRequestException ex)
        {
            // Before the connection was made nothing was sent; after it, the post may have reached Teams.
            var sent = ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError);
            return new SendResult(SendStatus.Retry, ex.HttpRequestError.ToString(), MayHaveBeenShown: posting.Started && sent);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Retry, "Timeout", MayHaveBeenShown: posting.Started);
        }
    }

    /// <summary>Whether the failing call was the post: an update that fails may be repeated at once, a post may not.</summary>
    private sealed class Posting
    {
        public bool Started { get; set; }
    }

    private async Task<SendResult> PostOrUpdateAsync(OutgoingCard card, Destination target, Posting posting, CancellationToken cancellationToken)
    {
        var reference = ConversationStore.Reference(target.Conversation);
        var message = MessageFactory.Attachment(new Attachment { ContentType = CardAttachments.ContentType, Content = CardAttachments.Marked(card.CardJson, card.Key) });
        var posted = await postedCards.FindAsync(card.Key, cancellationToken);
        if (posted is null && card.MayBeShownSince is { } since)
        {
            var shown = await shownCards.FindAsync(PlaceOf(target, reference), card.Key, since, cancellationToken);
            if (shown is ShownCard.Failed failed && !card.LastAttempt)
            {
                // Posting blindly could show the card twice: ask again later, as after the lost answer itself.
                return new SendResult(SendStatus.Retry, failed.Error, MayHaveBeenShown: true);
            }

            posted = await RememberFoundAsync(card.Key, reference, shown, cancellationToken);
        }

        if (posted is not null)
        {
            if (await UpdatedAsync(posted, message, reference, cancellationToken))
            {
                return SendResult.Sent;
            }

            await limits.WaitForAppAsync(cancellationToken); // the update was a request of its own
        }

        string? activityId = null;
        posting.Started = true;
        await proactive.RunAsync(reference, async (turn, ct) => activityId = (await turn.SendActivityAsync(message, ct))?.Id, cancellationToken);
        if (activityId is not null)
        {
            await postedCards.RememberAsync(card.Key, reference.Conversation.Id, activityId, cancellationToken);
        }

        return SendResult.Sent;
    }

    /// <summary>A card found in Teams is remembered like a post that was answered, and updated with this card.</summary>
    private async Task<PostedCard?> RememberFoundAsync(string key, ConversationReference reference, ShownCard shown, CancellationToken cancellationToken)
    {
        switch (shown)
        {
            case ShownCard.Found found:
                LogFoundAgain(logger, key);
                await postedCards.RememberAsync(key, reference.Conversation.Id, found.ActivityId, cancellationToken);
                return new PostedCard { Key = key, ConversationId = reference.Conversation.Id, ActivityId = found.ActivityId };
            case ShownCard.CannotAsk cannot:
                LogPostedAgain(logger, key, cannot.Reason);
                return null;
            case ShownCard.Failed failed:
                LogPostedAgain(logger, key, $"{failed.Error}, on the last attempt");
                return null;
            default:
                return null;
        }
    }

    private static CardPlace PlaceOf(Destination target, ConversationReference reference) =>
        new(reference, target.Conversation.UserAadObjectId, target.TeamId, target.Conversation.ChannelId);

    /// <summary>Updates the message showing the card; false when Teams no longer has it, so the card is posted anew.</summary>
    private async Task<bool> UpdatedAsync(PostedCard posted, IMessageActivity message, ConversationReference reference, CancellationToken cancellationToken)
    {
        var conversation = reference.Conversation.Id;
        reference.Conversation.Id = posted.ConversationId;
        message.Id = posted.ActivityId;
        try
        {
            await proactive.RunAsync(reference, (turn, ct) => turn.UpdateActivityAsync(message, ct), cancellationToken);
            return true;
        }
        catch (ErrorResponseException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            await postedCards.ForgetAsync(posted.Key, cancellationToken);
            (reference.Conversation.Id, message.Id) = (conversation, null);
            return false;
        }
    }

    private static SendResult Classify(HttpStatusCode status, string? code, TimeSpan? retryAfter)
    {
        var error = $"{(int)status} {code}".Trim();
        return Transient.Contains(status) ? new SendResult(SendStatus.Retry, error, retryAfter)
            : status == HttpStatusCode.Forbidden ? new SendResult(SendStatus.Unreachable, error) // ConversationBlockedByUser, BotDisabledByAdmin, BotNotInConversationRoster...
            : new SendResult(SendStatus.Final, error);
    }

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null || !headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : DateTimeOffset.TryParse(value, out var at) ? at - DateTimeOffset.UtcNow
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The card of {Key} was already in Teams: it is updated, not posted again")]
    private static partial void LogFoundAgain(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of {Key} may already be in Teams but Graph cannot tell ({Reason}): it is posted again")]
    private static partial void LogPostedAgain(ILogger logger, string key, string reason);
}
