using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParoleOnco.Cards.Model;

/// <summary>An Adaptive Card 1.5, the highest version Teams renders.</summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-3)] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)] public string? Schema { get; init; }
    [JsonPropertyOrder(-1)] public string Version { get; init; } = "1.5";
    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }
    public Refresh? Refresh { get; init; }
    public TeamsCardProperties? Msteams { get; init; }

    /// <summary>The card as compact JSON, ready to be parsed into a Bot Framework attachment.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);

    public static AdaptiveCard FromJson(string json) =>
        JsonSerializer.Deserialize<AdaptiveCard>(json, CardJson.Options)
        ?? throw new JsonException("The JSON holds no card.");
}

/// <summary>The Teams extension of a card; <c>Full</c> lets it use the whole message width.</summary>
public sealed record TeamsCardProperties(string Width);

/// <summary>
/// Makes the listed users' clients ask the bot for a fresh card when they show it (Universal Actions).
/// Teams refreshes automatically for at most 60 users; anyone else can refresh from the card's menu.
/// </summary>
public sealed record Refresh(CardAction Action, IReadOnlyList<string> UserIds)
{
    public const int MaxUserIds = 60;
}
