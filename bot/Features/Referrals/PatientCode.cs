using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ParoleOnco.Features.Forms;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// What a pseudonymous patient code may be. Codes are read upper-cased. By default: an optional site prefix of one to
/// four letters (digits may follow) and a dash, then digits among which single letters may stand, with no four digits
/// reading as a year 1900–2029 (P-4821, CHUM-4821, QC-7F3K9, E1-000123). An establishment may set its own pattern;
/// e-mail addresses, phone numbers and dates are refused whatever the pattern.
/// </summary>
public static partial class PatientCode
{
    public const int MaxLength = 20;

    /// <summary>A site's pattern runs on every referral form: a pathological one must not hold a turn.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly ConcurrentDictionary<string, Regex> SitePatterns = new();

    public static bool IsValid(string code, string? sitePattern)
    {
        try
        {
            var matches = string.IsNullOrEmpty(sitePattern) ? DefaultPattern().IsMatch(code) : SitePatterns.GetOrAdd(sitePattern, SitePattern).IsMatch(code);
            return matches && !IsNeverACode(code);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The site's pattern, matched against the whole code; throws <see cref="ArgumentException"/> when it is not a .NET regular expression.</summary>
    public static Regex SitePattern(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>An e-mail address, a phone number or a date: health data by itself, whatever a site's pattern lets through.</summary>
    private static bool IsNeverACode(string code) =>
        code.Contains('@') || DatePattern().IsMatch(code) || LooksLikeAPhone(code);

    private static bool LooksLikeAPhone(string code)
    {
        var digits = new string([.. code.Where(char.IsAsciiDigit)]);
        return digits.Length is 10 or 11 && PhoneNumber.TryNormalize(digits, out _);
    }

    // A letter run is how a name shows (TREMBLAY1, JEAN-DUPONT-4): after the prefix letters stand alone.
    // A year is how a birth date shows (ROY-1960).
    [GeneratedRegex(
        @"\A(?=.{3,20}\z)(?:[A-Z]{1,4}[0-9]{0,2}-)?(?![0-9A-Z-]*[A-Z]{2})(?![0-9A-Z-]*(?<![0-9])(?:19[0-9]{2}|20[0-2][0-9])(?![0-9]))(?=[0-9A-Z-]*[0-9])[0-9A-Z]+(?:-[0-9A-Z]+)*\z",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DefaultPattern();

    // Year, month and day in either order, with or without separators (1958-04-12, 12/04/1958, 19580412, 04121958).
    [GeneratedRegex(
        @"(?<![0-9])(?:(?:19|20)[0-9]{2}[-/. ]?(?:0[1-9]|1[0-2])[-/. ]?(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])[-/. ]?(?:0[1-9]|[12][0-9]|3[01])[-/. ]?(?:19|20)[0-9]{2})(?![0-9])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DatePattern();
}
