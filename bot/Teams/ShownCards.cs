using System.Net;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using ParoleOnco.Features.Delivery;

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
/// 1:1 chats with the bot need the application permissions <c>TeamsAppInstallation.ReadForUser.All</c> (to find the
/// chat) and <c>Chat.Read.WhereInstalled</c> or <c>Chat.Read.All</c> (to read it): RSC does not cover personal chats.
/// </summary>
public sealed class ShownCards(
    GraphAccess graph, ProactiveTurn proactive, DeliveryLimits limits, IMemoryCache cache, BotIdentity bot, IOptions<GraphOptions> options)
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
            if (place is { UserAadObjectId: { } user })
            {
                return await ChatIdWithAsync(client, user, cancellationToken) is { } chatId
                    ? Result(await SearchChatAsync(client, chatId, key, from, cancellationToken))
                    : new ShownCard.CannotAsk("the app is not installed for this person in Graph");
            }

            if (place is { TeamId: { } team, ChannelId: { } channel })
            {
                return await GroupIdOfAsync(place.Reference, team, cancellationToken) is { } groupId
                    ? Result(await SearchChannelAsync(client, groupId, channel, key, cancellationToken))
                    : new ShownCard.CannotAsk("the connector gave no group id for the team");
            }

            return new ShownCard.CannotAsk("neither a 1:1 chat nor a channel");
        }
        catch (ApiException ex) when (Passing((HttpStatusCode)ex.ResponseStatusCode))
        {
            return new ShownCard.Failed($"Graph {ex.ResponseStatusCode}");
        }
        catch (ApiException ex)
        {
            // No consent, no permission, no such chat, a request Graph refuses: asking again will not change the answer.
            return new ShownCard.CannotAsk($"Graph {ex.ResponseStatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return new ShownCard.Failed($"Graph {ex.HttpRequestError}");
        }
        catch (Azure.Identity.AuthenticationFailedException)
        {
            // No token (an expired secret, the sign-in service out of reach): a failure that passes, looked for again later.
            return new ShownCard.Failed("Graph sign-in");
        }
        catch (ErrorResponseException ex) when (ex.Response is { } response)
        {
            // The connector's team details, asked for the team's group id.
            return Passing(response.StatusCode)
                ? new ShownCard.Failed($"Connector {(int)response.StatusCode}")
                : new ShownCard.CannotAsk($"Connector {(int)response.StatusCode}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ShownCard.Failed("Graph timeout");
        }
    }

    private static ShownCard Result(string? activityId) => activityId is null ? new ShownCard.NotFound() : new ShownCard.Found(activityId);

    /// <summary>Throttling, timeouts and server errors pass; anything else is the answer it will keep giving.</summary>
    private static bool Passing(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The 1:1 chat between a person and the bot (<see cref="BotChats"/>), kept twelve hours once known.</summary>
    private async Task<string?> ChatIdWithAsync(GraphServiceClient client, string userAadObjectId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue($"bot-chat/{userAadObjectId}", out string? known) && known is not null)
        {
            return known;
        }

        var chatId = await BotChats.ChatIdAsync(client, userAadObjectId, TeamsAppId, cancellationToken);
        return chatId is not null ? cache.Set($"bot-chat/{userAadObjectId}", chatId, TimeSpan.FromHours(12)) : null;
    }

    private string TeamsAppId => options.Value.TeamsAppId is { Length: > 0 } id ? id : bot.AppId;

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
        return await ScanAsync(page, next => messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken), key);
    }

    /// <summary>
    /// Channels neither filter nor promise an order: pages are read until the card is found, up to
    /// <see cref="GraphOptions.MaxPages"/> (a lookup is rare: only after a post whose answer was lost).
    /// </summary>
    private async Task<string?> SearchChannelAsync(GraphServiceClient client, string groupId, string channelId, string key, CancellationToken cancellationToken)
    {
        var messages = client.Teams[groupId].Channels[channelId].Messages;
        var page = await messages.GetAsync(r => r.QueryParameters.Top = PageSize, cancellationToken);
        return await ScanAsync(page, next => messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken), key);
    }

    private async Task<string?> ScanAsync(
        ChatMessageCollectionResponse? page, Func<string, Task<ChatMessageCollectionResponse?>> next, string key)
    {
        for (var pages = 1; page?.Value is { } messages; pages++)
        {
            if (messages.FirstOrDefault(m => Shows(m, key)) is { Id: { } id })
            {
                return id;
            }

            if (page.OdataNextLink is not { } link || pages >= options.Value.MaxPages)
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
    private async Task<string?> GroupIdOfAsync(ConversationReference reference, string teamId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue($"team-group/{teamId}", out string? known) && known is not null)
        {
            return known;
        }

        string? groupId = null;
        await limits.WaitForAppAsync(cancellationToken); // the connector counts this request against the app too
        await proactive.RunAsync(reference, async (turn, ct) => groupId = (await TeamsInfo.GetTeamDetailsAsync(turn, teamId, ct))?.AadGroupId, cancellationToken);
        return groupId is null ? null : cache.Set($"team-group/{teamId}", groupId, TimeSpan.FromHours(12));
    }
}
