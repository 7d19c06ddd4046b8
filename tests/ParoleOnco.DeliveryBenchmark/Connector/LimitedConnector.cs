using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.DeliveryBenchmark.Connector;

/// <summary>
/// A Bot Connector on a loopback Kestrel port (the conversation references' <c>serviceUrl</c>): it answers posts and
/// updates as the connector does, refuses what exceeds <see cref="TeamsLimits"/> with 429 and a <c>Retry-After</c>,
/// and records every request it accepted, with the logbook prompt it carried, if any.
/// </summary>
public sealed class LimitedConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TeamsLimits limits = new();
    private readonly ConcurrentQueue<AcceptedRequest> accepted = new();
    private readonly ConcurrentQueue<long> refused = new();
    private int unexpected;
    private int nextActivityId;

    private LimitedConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyCollection<AcceptedRequest> Accepted => accepted;

    /// <summary>When requests were answered 429 because they exceeded a limit.</summary>
    public IReadOnlyCollection<long> Refused => refused;

    public int Throttled => refused.Count;

    /// <summary>Requests to routes the bot has no business calling here.</summary>
    public int Unexpected => Volatile.Read(ref unexpected);

    public int PromptCount => accepted.Count(r => r.ReferralId is not null);

    public static async Task<LimitedConnector> StartAsync()
    {
        var connector = new LimitedConnector(LoopbackServer.Create());
        connector.MapRoutes();
        connector.ServiceUrl = await LoopbackServer.StartAsync(connector.app);
        return connector;
    }

    private void MapRoutes()
    {
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", (string conversationId, HttpContext context) =>
            AnswerAsync("POST", conversationId, null, context));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext context) =>
            AnswerAsync("PUT", conversationId, activityId, context));
        app.MapFallback(() =>
        {
            Interlocked.Increment(ref unexpected);
            return Results.NotFound();
        });
    }

    private async Task<IResult> AnswerAsync(string method, string conversationId, string? activityId, HttpContext context)
    {
        conversationId = Uri.UnescapeDataString(conversationId);
        if (limits.TryAccept(conversationId) is { } wait)
        {
            refused.Enqueue(Stopwatch.GetTimestamp());
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests." } }, statusCode: 429);
        }

        var at = Stopwatch.GetTimestamp();
        var body = await JsonNode.ParseAsync(context.Request.Body);
        activityId ??= Interlocked.Increment(ref nextActivityId).ToString(CultureInfo.InvariantCulture);
        accepted.Enqueue(new AcceptedRequest(method, conversationId, activityId, PromptedReferral(body), at));
        return Results.Json(new { id = activityId });
    }

    /// <summary>The referral of the logbook prompt this activity carries: the data of its <c>logbook.open</c> action.</summary>
    private static string? PromptedReferral(JsonNode? activity)
    {
        var actions = activity?["attachments"]?[0]?["content"]?["actions"]?.AsArray() ?? [];
        return actions
            .FirstOrDefault(a => a?["type"]?.GetValue<string>() == "Action.Execute" && a["verb"]?.GetValue<string>() == CardVerbs.LogbookOpen)
            ?["data"]?["referralId"]?.GetValue<string>();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One request the connector accepted; <see cref="ReferralId"/> is set when it carried a logbook prompt.</summary>
public sealed record AcceptedRequest(string Method, string ConversationId, string ActivityId, string? ReferralId, long Timestamp);
