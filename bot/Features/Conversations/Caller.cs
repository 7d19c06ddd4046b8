using System.Globalization;

namespace ParoleOnco.Features.Conversations;

/// <summary>The person behind a turn, as Teams identifies them (their Entra object id), and the language to answer in.</summary>
public sealed record Caller(string AadObjectId, string Name, CultureInfo Culture)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// Without an Entra object id, nothing says who the person is (a Teams id is not an Entra id and cannot be matched
    /// with one): they hold no role, and every turn of theirs gets the help card.
    /// </summary>
    public bool IsIdentified => AadObjectId.Length > 0;

    public static Caller Unidentified(string name, CultureInfo culture) => new("", name, culture);

    /// <summary>French for any French locale (the program's first language), English otherwise.</summary>
    public static CultureInfo CultureFor(string? locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;
}
