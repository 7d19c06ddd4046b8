using System.Net;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ParoleOnco.Teams;

/// <summary>What a lookup of a card in Teams found.</summary>
public abstract record ShownCard
{
    public sealed record Found(string ActivityId) : ShownCard;

    public sealed record NotFound : ShownCard;

    /// <summary>Graph cannot be asked (no credentials, no consent): posting again is the only way to deliver.</summary>
    public sealed record CannotAsk(string Reason) : ShownCard;

    /// <summary>Graph did not answer this time: ask again later rather than post blindly.</summary>
    public sealed record Failed(string Error) : ShownCard;
}

/// <summary>Where to look: a person's 1:1 chat with the bot, or a team's channel (the team's id as the connector names it).</summary>
public sealed record CardPlace(ConversationReference Reference, string? UserAadObjectId, string? TeamId, string? ChannelId);

/// <summary>
/// Finds, through Microsoft Graph, the bot's message showing the card of a message key, when a post may have reached
/// Teams without its answer reaching the bot. The card carries its key (<see cref="CardAttachments.Marked"/>), and Graph
/// returns a message's card as its JSON. Channel messages need the RSC permission <c>ChannelMessage.Read.Group</c>;
/// 1:1 chats with the bot need the application permission <c>Chat.Read.WhereInstalled</c> (RSC does not cover them).
/// </summary>
public sealed class ShownCards(GraphAccess graph, ProactiveTurn proactive, IMemoryCache cache, BotIdentity bot, IOptions<GraphOptions> options)
{
    private const int PageSize = 50; // Graph's largest $top for messages

    public async Task<ShownCard> FindAsync(CardPlace place, string key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (graph.Client is not { } client)
        {
            return new ShownCard.CannotAsk(graph.Unavailable);
        }

        var from = since - options.Value.ClockSkew;
        try
        {
            var found = place switch
            {
                { UserAadObjectId: { } user } => await SearchChatAsync(client, ChatIdWith(user), key, from, cancellationToken),
                { TeamId: { } team, ChannelId: { } channel } => await SearchChannelAsync(client, await GroupIdOfAsync(place.Reference, team, cancellationToken), channel, key, from, cancellationToken),
                _ => null,
            };
            return found is null ? new ShownCard.NotFound() : new ShownCard.Found(found);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound)
        {
            // No consent, no permission, no such chat: asking again will not change the answer.
            return new ShownCard.CannotAsk($"Graph {ex.ResponseStatusCode}");
        }
        catch (ApiException ex)
        {
            return new ShownCard.Failed($"Graph {ex.ResponseStatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return new ShownCard.Failed($"Graph {ex.HttpRequestError}");
        }
        catch (ErrorResponseException ex)
        {
            // The connector's team details, asked for the team's group id.
            return new ShownCard.Failed($"Connector {(int?)ex.Response?.StatusCode}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ShownCard.Failed("Graph timeout");
        }
    }

    /// <summary>The Graph id of the 1:1 chat between a user and the bot: Teams names it from the two ids.</summary>
    private string ChatIdWith(string userAadObjectId) => $"19:{userAadObjectId}_{bot.AppId}@unq.gbl.spaces";

    /// <summary>Chats filter and order on the server: only messages changed since the card may have been posted.</summary>
    private async Task<string?> SearchChatAsync(GraphServiceClient client, string chatId, string key, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var messages = client.Chats[chatId].Messages;
        var page = await messages.GetAsync(r =>
        {
            r.QueryParameters.Top = PageSize;
            r.QueryParameters.Orderby = ["lastModifiedDateTime desc"];
            r.QueryParameters.Filter = $"lastModifiedDateTime gt {from.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}";
        }, cancellationToken);
        return await ScanAsync(page, next => messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken), key, olderThan: null);
    }

    /// <summary>Channels neither filter nor order: their root messages come newest first, so a page all older ends the scan.</summary>
    private async Task<string?> SearchChannelAsync(GraphServiceClient client, string groupId, string channelId, string key, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var messages = client.Teams[groupId].Channels[channelId].Messages;
        var page = await messages.GetAsync(r => r.QueryParameters.Top = PageSize, cancellationToken);
        return await ScanAsync(page, next => messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken), key, olderThan: from);
    }

    private async Task<string?> ScanAsync(
        ChatMessageCollectionResponse? page, Func<string, Task<ChatMessageCollectionResponse?>> next, string key, DateTimeOffset? olderThan)
    {
        for (var pages = 1; page?.Value is { } messages; pages++)
        {
            if (messages.FirstOrDefault(m => Shows(m, key)) is { Id: { } id })
            {
                return id;
            }

            var allOlder = olderThan is { } limit && messages.All(m => m.CreatedDateTime < limit);
            if (allOlder || page.OdataNextLink is not { } link || pages >= options.Value.MaxPages)
            {
                return null;
            }

            page = await next(link);
        }

        return null;
    }

    /// <summary>A message the bot posted, still there, showing this key's card. Teams' message ids are the activity ids.</summary>
    private static bool Shows(ChatMessage message, string key) =>
        message.DeletedDateTime is null
        && message.From?.Application is not null
        && message.Attachments?.Any(a => a.ContentType == CardAttachments.ContentType && CardAttachments.KeyIn(a.Content) == key) == true;

    /// <summary>Graph names a team by its Microsoft 365 group; the connector's team details give it, once.</summary>
    private async Task<string> GroupIdOfAsync(ConversationReference reference, string teamId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue($"team-group/{teamId}", out string? known) && known is not null)
        {
            return known;
        }

        string? groupId = null;
        await proactive.RunAsync(reference, async (turn, ct) => groupId = (await TeamsInfo.GetTeamDetailsAsync(turn, teamId, ct))?.AadGroupId, cancellationToken);
        return groupId is null
            ? throw new HttpRequestException("The connector gave no group id for the team.")
            : cache.Set($"team-group/{teamId}", groupId, TimeSpan.FromHours(12));
    }
}
