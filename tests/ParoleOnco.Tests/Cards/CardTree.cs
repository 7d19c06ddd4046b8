using System.Text.Json.Nodes;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Tests.Cards;

/// <summary>A card's JSON as the client receives it, with the look-ups the tests need.</summary>
internal sealed class CardTree
{
    private CardTree(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public static CardTree Of(AdaptiveCard card) => new(JsonNode.Parse(card.ToJson())!.AsObject());

    /// <summary>One element of a card (a list item, say), to look into it alone.</summary>
    public static CardTree Of(JsonNode? element) => new(element!.AsObject());

    public JsonArray Body => Root["body"]!.AsArray();

    /// <summary>Every JSON object of the card, depth first, in document order (nested ShowCard cards included).</summary>
    public IEnumerable<JsonObject> Objects() => Walk(Root);

    public IEnumerable<JsonObject> OfType(string type) => Objects().Where(o => (string?)o["type"] == type);

    public IEnumerable<JsonObject> Actions() => Objects().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public IEnumerable<JsonObject> Executes() => OfType("Action.Execute");

    public JsonObject Input(string id) => Objects().Single(o => (string?)o["id"] == id);

    public bool HasInput(string id) => Objects().Any(o => (string?)o["id"] == id);

    /// <summary>All the text a person can read on the card.</summary>
    public string Text() => string.Join("\n", Objects().SelectMany(o =>
        new[] { "text", "title", "value", "label", "placeholder", "errorMessage" }.Select(k => o[k]).OfType<JsonValue>()
            .Select(v => v.ToString())));

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
