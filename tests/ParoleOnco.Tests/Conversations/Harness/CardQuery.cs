using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>Reads what a person would see and click on an Adaptive Card.</summary>
public static class CardQuery
{
    /// <summary>The data of the <c>Action.Execute</c> with this verb, wherever it sits (actions, action sets, show cards).</summary>
    public static JsonObject? ActionData(JsonNode card, string verb) =>
        Nodes(card).OfType<JsonObject>()
            .FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            ?["data"]?.AsObject() ?? (HasVerb(card, verb) ? [] : null);

    public static bool HasVerb(JsonNode card, string verb) =>
        Nodes(card).OfType<JsonObject>().Any(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    /// <summary>The choices (value → title) of the input with this id.</summary>
    public static IReadOnlyDictionary<string, string> Choices(JsonNode card, string inputId) =>
        Input(card, inputId)?["choices"]?.AsArray()
            .ToDictionary(c => c!["value"]!.GetValue<string>(), c => c!["title"]!.GetValue<string>())
        ?? [];

    public static JsonObject? Input(JsonNode card, string inputId) =>
        Nodes(card).OfType<JsonObject>()
            .FirstOrDefault(o => o["id"]?.GetValue<string>() == inputId && o["type"]?.GetValue<string>()?.StartsWith("Input.") == true);

    /// <summary>Every text a person can read on the card, joined.</summary>
    public static string Text(JsonNode card) => string.Join("\n",
        Nodes(card).OfType<JsonObject>().SelectMany(o => new[] { "text", "title", "value", "label", "placeholder" }
            .Select(k => o[k]).OfType<JsonValue>().Where(v => v.TryGetValue<string>(out _)).Select(v => v.GetValue<string>())));

    /// <summary>The card's JSON with nothing escaped that need not be, so tests can look for "tel:+1…" or "é".</summary>
    public static string Json(JsonNode card) => card.ToJsonString(Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
