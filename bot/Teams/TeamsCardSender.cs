using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Teams;

/// <summary>
/// Sends an outbox card through the Bot Connector: posts it the first time its message key is seen, updates
/// that message in place afterwards. Connector failures come back as a <see cref="SendResult"/>, classified
/// the way Teams documents them.
/// </summary>
public sealed class TeamsCardSender(
    ProactiveTurn proactive,
    ParoleOncoDbContext db,
    ConversationStore conversations,
    PostedCards postedCards) : ICardSender
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public async Task<SendResult> SendAsync(OutgoingCard card, CancellationToken cancellationToken)
    {
        var target = await ConversationOfAsync(card.To, cancellationToken);
        if (target is null)
        {
            return new SendResult(SendStatus.Final, "NoConversation");
        }

        try
        {
            await PostOrUpdateAsync(card, ConversationStore.Reference(target), cancellationToken);
            return SendResult.Sent;
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            return Classify(ex.Response.StatusCode, ex.Body?.Error?.Code, RetryAfter(ex.Response.Headers));
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendStatus.Retry, ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Retry, "Timeout");
        }
    }

    private async Task PostOrUpdateAsync(OutgoingCard card, ConversationReference reference, CancellationToken cancellationToken)
    {
        var message = MessageFactory.Attachment(new Attachment { ContentType = CardAttachments.ContentType, Content = JObject.Parse(card.CardJson) });
        var posted = await postedCards.FindAsync(card.Key, cancellationToken);
        if (posted is not null && await UpdatedAsync(posted, message, reference, cancellationToken))
        {
            return;
        }

        string? activityId = null;
        await proactive.RunAsync(reference, async (turn, ct) => activityId = (await turn.SendActivityAsync(message, ct))?.Id, cancellationToken);
        if (activityId is not null)
        {
            await postedCards.RememberAsync(card.Key, reference.Conversation.Id, activityId, cancellationToken);
        }
    }

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

    private static SendResult Classify(HttpStatusCode status, string? code, TimeSpan? retryAfter) =>
        Transient.Contains(status)
            ? new SendResult(SendStatus.Retry, $"{(int)status} {code}".Trim(), retryAfter)
            : new SendResult(SendStatus.Final, $"{(int)status} {code}".Trim()); // 403 BotDisabledByAdmin, BotNotInConversationRoster, MessageWritesBlocked...

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

    private async Task<StoredConversation?> ConversationOfAsync(Recipient to, CancellationToken cancellationToken)
    {
        switch (to)
        {
            case Recipient.Person person:
                return await conversations.OfPersonAsync(person.AadObjectId, cancellationToken);
            case Recipient.CoordinatorsOf coordinators:
                var channel = await db.CoordinatorChannels.AsNoTracking()
                    .SingleOrDefaultAsync(c => c.EstablishmentId == coordinators.EstablishmentId, cancellationToken);
                return channel is null ? null : await conversations.OfChannelAsync(channel.ChannelId, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown recipient.");
        }
    }
}
