using System.Text.Json.Nodes;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>Finds the card in what the bot sent the connector (<see cref="ParoleOnco.Tests.Conversations.Harness.CardQuery"/> reads it).</summary>
public static class CardJson
{
    /// <summary>The card of a connector call's body (a message activity with one Adaptive Card attachment).</summary>
    public static JsonNode? CardOf(string activityJson) =>
        JsonNode.Parse(activityJson)?["attachments"]?[0]?["content"];
}
