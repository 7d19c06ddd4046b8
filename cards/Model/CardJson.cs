using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ParoleOnco.Cards.Model;

internal static class CardJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Host defaults (false, null) stay out of the card: smaller, and readable when debugging.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        // Accents as they are: "é" rather than "\u00E9" keeps French cards small and readable.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
