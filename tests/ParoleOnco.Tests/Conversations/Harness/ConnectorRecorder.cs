using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// A real HTTP server on loopback standing in for the Bot Connector (the activity's <c>serviceUrl</c>):
/// it records every call the bot makes and answers as the connector does, including the paged team roster.
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<TestUser>> rosters = new();
    private readonly ConcurrentDictionary<string, bool> teamsWithoutBot = new();
    private readonly ConcurrentDictionary<string, string> teamsByGroupId = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> deleted = new();
    private int nextActivityId = 1000;

    private ConnectorRecorder(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => [.. calls];

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var recorder = new ConnectorRecorder(LoopbackServer.Create());
        recorder.MapRoutes();
        recorder.ServiceUrl = await LoopbackServer.StartAsync(recorder.app);
        return recorder;
    }

    public void SetRoster(string teamId, params TestUser[] members) => rosters[teamId] = members;

    /// <summary>The bot is no longer in this team (removed while it was offline): its roster answers 403.</summary>
    public void RemoveBotFrom(string teamId) => teamsWithoutBot[teamId] = true;

    /// <summary>Faults to inject into the bot's posts and updates from now on; null for none.</summary>
    public ConnectorFaults? Faults { get; set; }

    /// <summary>The clock calls are dated with, as Teams dates messages: the bot's clock, when the test moves it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The Microsoft 365 group of a team, as the connector's team details and Graph name it.</summary>
    public static string GroupIdOf(string teamId) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(teamId))).ToString();

    public string? TeamOfGroup(string groupId) => teamsByGroupId.GetValueOrDefault(groupId);

    /// <summary>Someone deleted the message: Teams keeps it, with its deletion date, and Graph still lists it.</summary>
    public void Delete(string activityId) => deleted[activityId] = Clock.GetUtcNow();

    public DateTimeOffset? DeletedAt(string activityId) => deleted.TryGetValue(activityId, out var at) ? at : null;

    public void Clear() => calls.Clear();

    private void MapRoutes()
    {
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, string? replyToId, HttpContext context) =>
        {
            var fault = Faults?.Next(Uri.UnescapeDataString(conversationId));
            if (await FailBeforeAsync(context, fault) is { } failed)
            {
                return failed;
            }

            var id = Interlocked.Increment(ref nextActivityId).ToString();
            await RecordAsync("POST", conversationId, id, context.Request);
            return await FailAfterAsync(context, fault) ?? Results.Json(new { id });
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpContext context) =>
        {
            var fault = Faults?.Next(Uri.UnescapeDataString(conversationId));
            if (await FailBeforeAsync(context, fault) is { } failed)
            {
                return failed;
            }

            await RecordAsync("PUT", conversationId, activityId, context.Request);
            return await FailAfterAsync(context, fault) ?? Results.Json(new { id = activityId });
        });
        app.MapGet("/v3/conversations/{teamId}/pagedmembers", (string teamId) =>
        {
            calls.Enqueue(new ConnectorCall("GET", teamId, null, null) { At = Clock.GetUtcNow() });
            if (teamsWithoutBot.ContainsKey(teamId))
            {
                return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: 403);
            }

            var members = rosters.GetValueOrDefault(teamId) ?? [];
            return Results.Json(new
            {
                members = members.Select(m => new
                {
                    id = m.TeamsId, name = m.Name, aadObjectId = m.AadObjectId, userRole = m.IsGuest ? "guest" : "user", tenantId = m.TenantId,
                }),
            });
        });
        app.MapGet("/v3/teams/{teamId}", (string teamId) =>
        {
            teamId = Uri.UnescapeDataString(teamId);
            calls.Enqueue(new ConnectorCall("GET", teamId, null, null) { At = Clock.GetUtcNow() });
            var groupId = GroupIdOf(teamId);
            teamsByGroupId[groupId] = teamId;
            return Results.Json(new { id = teamId, name = "Coordination", aadGroupId = groupId });
        });
    }

    /// <summary>Plays a fault that happens before the connector processes the request: returns the failed answer, or null to carry on (maybe late).</summary>
    private static async Task<IResult?> FailBeforeAsync(HttpContext context, ConnectorFault? fault)
    {
        switch (fault)
        {
            case ConnectorFault.Throttled:
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "TooManyRequests", message = "Throttled" } }, statusCode: 429);
            case ConnectorFault.Unavailable:
                return Results.Json(new { error = new { code = "ServiceUnavailable", message = "Unavailable" } }, statusCode: 503);
            case ConnectorFault.Slow:
                await Task.Delay(TimeSpan.FromMilliseconds(800));
                return null;
            case ConnectorFault.Forbidden:
                return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: 403);
            case ConnectorFault.Blocked:
                return Results.Json(new { error = new { code = "ConversationBlockedByUser", message = "User blocked the conversation with the bot." } }, statusCode: 403);
            case ConnectorFault.Dropped:
                context.Abort();
                return Results.Empty;
            default:
                return null;
        }
    }

    /// <summary>Plays a fault that happens once the connector processed the request: what people see changed, the bot cannot know.</summary>
    private static async Task<IResult?> FailAfterAsync(HttpContext context, ConnectorFault? fault)
    {
        switch (fault)
        {
            case ConnectorFault.AnswerLost:
                context.Abort();
                return Results.Empty;
            case ConnectorFault.GatewayTimeoutAfterProcessing:
                return Results.Json(new { error = new { code = "GatewayTimeout", message = "Gateway timeout" } }, statusCode: 504);
            case ConnectorFault.NeverAnswers:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // the bot gave up, or died
                }

                return Results.Empty;
            default:
                return null;
        }
    }

    private async Task RecordAsync(string method, string conversationId, string activityId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        calls.Enqueue(new ConnectorCall(method, Uri.UnescapeDataString(conversationId), activityId, body) { At = Clock.GetUtcNow() });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One call the bot made to the connector. <see cref="Card"/> is the Adaptive Card it carried, if any.</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonNode? Body)
{
    /// <summary>When the connector processed the call, on the recorder's clock.</summary>
    public DateTimeOffset At { get; init; }

    public JsonNode? Card => Body?["attachments"]?[0]?["content"];
}
