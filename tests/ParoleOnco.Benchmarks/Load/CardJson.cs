using System.Text.Json.Nodes;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>Reads what the setup needs from the cards the bot sent: the data of the button a person would click.</summary>
public static class CardJson
{
    /// <summary>The card of a connector call's body (a message activity with one Adaptive Card attachment).</summary>
    public static JsonNode? CardOf(string activityJson) =>
        JsonNode.Parse(activityJson)?["attachments"]?[0]?["content"];

    /// <summary>The data of the <c>Action.Execute</c> with this verb, wherever it sits on the card.</summary>
    public static JsonObject? ActionData(JsonNode card, string verb) =>
        Nodes(card).OfType<JsonObject>()
            .FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            ?["data"]?.AsObject();

    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Nodes))
        {
            yield return child;
        }
    }
}
