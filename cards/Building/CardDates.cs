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

    // The functions accept only RFC 3339 in UTC with a Z, without fractions of a second.
    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
