using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
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

    public static JObject ToJObject(AdaptiveCard card) => JObject.Parse(card.ToJson());

    public static Attachment ToAttachment(AdaptiveCard card) => new() { ContentType = ContentType, Content = ToJObject(card) };

    public static IMessageActivity ToMessage(AdaptiveCard card) => MessageFactory.Attachment(ToAttachment(card));

    public static AdaptiveCardInvokeResponse ToInvokeResponse(AdaptiveCard card) =>
        new() { StatusCode = 200, Type = ContentType, Value = ToJObject(card) };
}
