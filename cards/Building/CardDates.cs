using System.Globalization;

namespace ParoleOnco.Cards.Building;

/// <summary>
/// Adaptive Card date functions: each Teams client shows the instant in its own time zone and language,
/// which the bot cannot know when it posts one card to a whole channel.
/// </summary>
internal static class CardDates
{
    public static string Date(DateTimeOffset at) => $"{{{{DATE({Iso(at)},SHORT)}}}}";

    public static string Time(DateTimeOffset at) => $"{{{{TIME({Iso(at)})}}}}";

    /// <summary>"{date} at {time}" in the card's language, both as date functions.</summary>
    public static string DateAndTime(Texts t, DateTimeOffset at) => t.Format("AtDateTime", Date(at), Time(at));

    /// <summary>A calendar date as a hospital record writes it, the same in both languages: 2026-03-14.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The functions accept only RFC 3339 in UTC with a Z, without fractions of a second.
    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
