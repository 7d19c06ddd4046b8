using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ParoleOnco.Benchmarks.Load;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Hosting;

/// <summary>
/// The Bot Connector (the activities' <c>serviceUrl</c>) on a loopback Kestrel port, as in the conversation tests:
/// it answers like the connector and keeps each call's raw body, read only after a measured level, so the
/// stand-in costs the bot's outbound calls no more than a real socket round trip.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<TestUser>> rosters = new();
    private int nextActivityId = 1000;

    private RecordingConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => [.. calls];

    public static async Task<RecordingConnector> StartAsync()
    {
        var connector = new RecordingConnector(LoopbackServer.Create());
        connector.MapRoutes();
        connector.ServiceUrl = await LoopbackServer.StartAsync(connector.app);
        return connector;
    }

    public void SetRoster(string teamId, IReadOnlyList<TestUser> members) => rosters[teamId] = members;

    public void Clear() => calls.Clear();

    private void MapRoutes()
    {
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, HttpRequest request) =>
        {
            var id = Interlocked.Increment(ref nextActivityId).ToString();
            await RecordAsync("POST", conversationId, id, request);
            return Results.Json(new { id });
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
        {
            await RecordAsync("PUT", conversationId, activityId, request);
            return Results.Json(new { id = activityId });
        });
        app.MapGet("/v3/conversations/{teamId}/pagedmembers", (string teamId) =>
        {
            calls.Enqueue(new ConnectorCall("GET", Uri.UnescapeDataString(teamId), null, ""));
            var members = rosters.GetValueOrDefault(teamId) ?? [];
            // As Teams lists them: the bot counts a member as a coordinator only if staff (userRole) of the team's tenant.
            return Results.Json(new
            {
                members = members.Select(m => new { id = m.TeamsId, name = m.Name, aadObjectId = m.AadObjectId, userRole = "user", tenantId = m.TenantId }),
            });
        });
    }

    private async Task RecordAsync(string method, string conversationId, string activityId, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        calls.Enqueue(new ConnectorCall(method, Uri.UnescapeDataString(conversationId), activityId, body));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One call the bot made to the connector, its body kept as sent.</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, string Body);
