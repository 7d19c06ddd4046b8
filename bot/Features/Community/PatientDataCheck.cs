using System.Text.RegularExpressions;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Forms;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Community;

/// <summary>What in a tip looks like patient data, and sends the form back.</summary>
public enum PatientDataKind
{
    Email,
    Phone,
    BirthDate,
    PatientCode,
}

/// <summary>
/// Reads a tip before it reaches the community channel, which every establishment's APs and coordinators read: anything
/// that looks like patient data stops it. It errs on the side of refusing: a tip can always be written another way.
/// </summary>
public sealed partial class PatientDataCheck(EstablishmentCatalog establishments)
{
    public PatientDataKind? Find(string text) => Find(text, establishments.All.Select(e => e.PatientCodePattern));

    /// <param name="sitePatterns">The establishments' own patient code patterns (null or empty: the default one).</param>
    public static PatientDataKind? Find(string text, IEnumerable<string?> sitePatterns)
    {
        try
        {
            return Email().IsMatch(text) ? PatientDataKind.Email
                : Phones().Matches(text).Any(IsPhone) ? PatientDataKind.Phone
                : NumericDate().IsMatch(text) || FrenchDate().IsMatch(text) || EnglishDate().IsMatch(text) ? PatientDataKind.BirthDate
                : Words().Matches(text).Any(w => LooksLikeACode(w.Value.ToUpperInvariant(), sitePatterns)) ? PatientDataKind.PatientCode
                : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatientDataKind.PatientCode; // a text no pattern can read in time is not posted
        }
    }

    private static bool IsPhone(Match match) =>
        PhoneNumber.TryNormalize(match.Value, out _) || LocalNumber().IsMatch(match.Value);

    /// <summary>
    /// A site's own pattern, or the default one without what ordinary words and figures also are (15H, 2H30, T2N0M0, 2026):
    /// a code has a site prefix or four digits among its letters.
    /// </summary>
    private static bool LooksLikeACode(string word, IEnumerable<string?> sitePatterns)
    {
        if (!word.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var sites = sitePatterns.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return sites.Any(p => PatientCode.IsValid(word, p))
            || (PatientCode.IsValid(word, null) && word.Any(char.IsAsciiLetter) && (word.Contains('-') || word.Count(char.IsAsciiDigit) >= 4));
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Email();

    // Ten digits with an optional 1 in front, in any of the ways people write them, or seven with a separator (555-0199).
    [GeneratedRegex(@"(?<![0-9])(?:\+?1[\s.-]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[\s.-]?)?[0-9]{3}[\s.-]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Phones();

    [GeneratedRegex(@"\A[2-9][0-9]{2}[\s.-][0-9]{4}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LocalNumber();

    // 1958-04-12, 12/04/1958, 04/12/58, 12.04.1958, 19580412.
    [GeneratedRegex(
        @"(?<![0-9])(?:(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12][0-9]|3[01])|(?:0?[1-9]|[12][0-9]|3[01])[-/.](?:0?[1-9]|[12][0-9]|3[01])[-/.](?:19|20)?[0-9]{2}|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?![0-9])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumericDate();

    // 12 avril 1958, 1er mars 1960, 3 déc. 1949.
    [GeneratedRegex(
        @"(?<![0-9])(?:1er|[0-9]{1,2})\s+(?:janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?)\s+(?:19|20)[0-9]{2}(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex FrenchDate();

    // April 12, 1958; Apr 12th 1958; 12 April 1958.
    [GeneratedRegex(
        @"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)[0-9]{2}|(?<![0-9])[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)[0-9]{2})(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Words();
}
