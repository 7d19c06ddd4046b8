using System.Globalization;

namespace ParoleOnco.Features.Conversations;

/// <summary>The person behind a turn, as Teams identifies them, and the language to answer in.</summary>
public sealed record Caller(string AadObjectId, string Name, CultureInfo Culture)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>French for any French locale (the program's first language), English otherwise.</summary>
    public static CultureInfo CultureFor(string? locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;
}
