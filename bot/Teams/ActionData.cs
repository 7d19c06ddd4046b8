using System.Text.Json;
using Newtonsoft.Json.Linq;
using ParoleOnco.Cards;

namespace ParoleOnco.Teams;

/// <summary>Reads an invoke's action data, merged by Teams with the card's inputs, into the card contract's record.</summary>
public static class ActionData
{
    public static CardActionData Read(object? data)
    {
        if (data is not JObject json)
        {
            return new CardActionData();
        }

        // Clients send some inputs as JSON numbers or booleans (Input.Number, Input.Toggle); the contract reads strings.
        var strings = json.Properties()
            .Where(p => p.Value.Type is not (JTokenType.Null or JTokenType.Object or JTokenType.Array))
            .ToDictionary(p => p.Name, p => p.Value.Type == JTokenType.Boolean ? p.Value.ToString().ToLowerInvariant() : p.Value.ToString());
        return JsonSerializer.Deserialize<CardActionData>(JsonSerializer.Serialize(strings)) ?? new CardActionData();
    }
}
