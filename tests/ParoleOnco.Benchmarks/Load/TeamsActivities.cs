using System.Text.Json.Nodes;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>
/// Builds the bodies a Teams client posts to <c>/api/messages</c>, from the payloads recorded from the Agents
/// Playground (the conversation tests' Payloads/), stamped with a user, a place and the connector's URL.
/// Bodies are built before a level starts, so the load generator spends no measured time on JSON.
/// </summary>
public sealed class TeamsActivities(string serviceUrl)
{
    private readonly TeamsPayloads payloads = new(Path.Combine(AppContext.BaseDirectory, "Payloads"), serviceUrl);

    public byte[] Message(TestUser user, string text, Where where) => Bytes(payloads.Message(user, text, where));

    /// <summary>A click on an <c>Action.Execute</c> of the message <paramref name="clickedMessageId"/>.</summary>
    public byte[] Invoke(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId) =>
        Bytes(payloads.Invoke(user, verb, data, where, clickedMessageId));

    private static byte[] Bytes(JsonNode activity) => System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString());
}
