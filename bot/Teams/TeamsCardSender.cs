using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Teams;

/// <summary>
/// Delivers the cards a turn produced to other people: posts a card the first time its message key is seen,
/// updates that message in place afterwards, so every audience always sees the current state.
/// </summary>
public sealed partial class TeamsMessenger(
    CloudAdapter adapter,
    BotIdentity bot,
    ParoleOncoDbContext db,
    ConversationStore conversations,
    TimeProvider clock,
    ILogger<TeamsMessenger> logger)
{
    public async Task DeliverAsync(IEnumerable<CardDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                await DeliverAsync(delivery, cancellationToken);
            }
            catch (Exception ex) when (ex is Microsoft.Bot.Schema.ErrorResponseException or Microsoft.Rest.HttpOperationException or HttpRequestException)
            {
                // The change that caused the card is saved; one unreachable person must not undo it for the caller.
                LogDeliveryFailed(logger, delivery.Key, ex.GetType().Name);
            }
        }
    }

    /// <summary>Records that the card under <paramref name="key"/> lives in this message, so later changes update it.</summary>
    public async Task RememberAsync(string key, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var posted = await db.PostedCards.FindAsync([key], cancellationToken);
        if (posted is null)
        {
            db.PostedCards.Add(new PostedCard { Key = key, ConversationId = conversationId, ActivityId = activityId, PostedAt = clock.GetUtcNow() });
        }
        else
        {
            (posted.ConversationId, posted.ActivityId, posted.PostedAt) = (conversationId, activityId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task DeliverAsync(CardDelivery delivery, CancellationToken cancellationToken)
    {
        var target = await ConversationOfAsync(delivery.To, cancellationToken);
        if (target is null)
        {
            LogNoConversation(logger, delivery.Key);
            return;
        }

        var reference = ConversationStore.Reference(target);
        var posted = await db.PostedCards.AsNoTracking().SingleOrDefaultAsync(p => p.Key == delivery.Key, cancellationToken);
        var message = CardAttachments.ToMessage(delivery.Card);
        if (posted is not null)
        {
            reference.Conversation.Id = posted.ConversationId;
            message.Id = posted.ActivityId;
            await adapter.ContinueConversationAsync(bot.AppId, reference, (turn, ct) => turn.UpdateActivityAsync(message, ct), cancellationToken);
            return;
        }

        string? activityId = null;
        await adapter.ContinueConversationAsync(
            bot.AppId,
            reference,
            async (turn, ct) => activityId = (await turn.SendActivityAsync(message, ct))?.Id,
            cancellationToken);
        if (activityId is not null)
        {
            await RememberAsync(delivery.Key, reference.Conversation.Id, activityId, cancellationToken);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "No conversation to deliver card {Key} to: the person never talked to the bot or the channel is not set up")]
    private static partial void LogNoConversation(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering card {Key} failed ({Error})")]
    private static partial void LogDeliveryFailed(ILogger logger, string key, string error);
}
