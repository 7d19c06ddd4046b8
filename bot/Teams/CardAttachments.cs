using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Teams;

/// <summary>
/// The one place where card JSON (System.Text.Json) becomes Bot Framework content (Newtonsoft): a
/// <c>JsonElement</c> handed to the SDK would be written out as <c>{"ValueKind":1}</c>.
/// </summary>
public static class CardAttachments
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string MessageContentType = "application/vnd.microsoft.activity.message";

    private const string MarkerPrefix = "delivery:";

    public static JObject ToJObject(AdaptiveCard card) => JObject.Parse(card.ToJson());

    public static Attachment ToAttachment(AdaptiveCard card) => new() { ContentType = ContentType, Content = ToJObject(card) };

    public static IMessageActivity ToMessage(AdaptiveCard card) => MessageFactory.Attachment(ToAttachment(card));

    /// <summary>
    /// The card as an outbox delivery sends it: its body inside one container whose id names the message key. Graph
    /// returns a message's card as its JSON, so a post whose answer was lost can be found again; the key holds ids only.
    /// </summary>
    public static JObject Marked(string cardJson, string key)
    {
        var card = JObject.Parse(cardJson);
        if (card["body"] is JArray { Count: > 0 } body)
        {
            card["body"] = new JArray(new JObject { ["type"] = "Container", ["id"] = MarkerPrefix + key, ["items"] = body });
        }

        return card;
    }

    /// <summary>The message key a card sent by <see cref="Marked"/> carries, from its JSON as Graph returns it; null for any other.</summary>
    public static string? KeyIn(string? cardJson)
    {
        try
        {
            return cardJson is not null && JObject.Parse(cardJson)["body"] is JArray { Count: > 0 } body
                && body[0] is JObject { } first && first["id"]?.ToString() is { } id
                && id.StartsWith(MarkerPrefix, StringComparison.Ordinal)
                ? id[MarkerPrefix.Length..]
                : null;
        }
        catch (JsonReaderException)
        {
            return null; // not a card of ours
        }
    }

    public static AdaptiveCardInvokeResponse ToInvokeResponse(AdaptiveCard card) =>
        new() { StatusCode = 200, Type = ContentType, Value = ToJObject(card) };

    /// <summary>An answer to a card action that leaves the card as it is: Teams shows the text instead (Universal Actions).</summary>
    public static AdaptiveCardInvokeResponse ToInvokeMessage(string text) =>
        new() { StatusCode = 200, Type = MessageContentType, Value = text };
}
