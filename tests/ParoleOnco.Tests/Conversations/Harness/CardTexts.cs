using System.Globalization;
using System.Resources;
using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>The cards' own texts, so tests assert what a person reads in their language without copying strings.</summary>
public static class CardTexts
{
    private static readonly ResourceManager Resources = new("ParoleOnco.Cards.Resources.CardText", typeof(NoticeCards).Assembly);

    public static string Get(string key, string locale) =>
        Resources.GetString(key, locale.StartsWith("fr") ? CultureInfo.GetCultureInfo("fr-CA") : CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"No card text {key}.");
}
