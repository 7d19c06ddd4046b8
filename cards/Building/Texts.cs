using System.Globalization;
using System.Resources;

namespace ParoleOnco.Cards.Building;

/// <summary>The card texts of one language: French for any <c>fr</c> culture, English otherwise.</summary>
internal sealed class Texts
{
    private static readonly ResourceManager Resources =
        new("ParoleOnco.Cards.Resources.CardText", typeof(Texts).Assembly);

    // One French (Québec) and the neutral English: fr-FR must not fall back to English.
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    private readonly CultureInfo culture;

    private Texts(CultureInfo culture) => this.culture = culture;

    public static Texts For(CultureInfo culture) =>
        new(culture.TwoLetterISOLanguageName == "fr" ? French : CultureInfo.InvariantCulture);

    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No card text \"{key}\".");

    public string Format(string key, params object?[] args) => string.Format(culture, this[key], args);

    /// <summary>The label of a vocabulary code, e.g. <c>CancerType_breast</c>; an unknown code shows as itself.</summary>
    public string Label(string group, string code) => Resources.GetString($"{group}_{code}", culture) ?? code;

    /// <summary>The message of a <see cref="Vocabulary.ErrorCodes"/> code; a code unknown here still says something useful.</summary>
    public string ErrorMessage(string code) => Resources.GetString($"Error_{code}", culture) ?? this["FieldInvalid"];

    /// <summary>A calendar date (no time, so no time zone to convert): "March 14, 2026", "14 mars 2026".</summary>
    public string Day(DateOnly date) => date.ToString(this["DayFormat"], culture);

    /// <summary>A month: "December 2026", "décembre 2026".</summary>
    public string Month(DateOnly date) => date.ToString(this["MonthFormat"], culture);

    /// <summary>A number written the way the card's language writes it (12.5 or 12,5).</summary>
    public string Number(decimal value, string format) => value.ToString(format, culture);

    public string Labels(string group, IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(code => Label(group, code)));
}
