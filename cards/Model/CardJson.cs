using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParoleOnco.Cards.Model;

internal static class CardJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Host defaults (false, null) stay out of the card: smaller, and readable when debugging.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        // Accents and apostrophes as they are, not "l\u0027\u00E9quipe": French cards stay small and readable.
        // The JSON goes to Teams, never into an HTML page, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
