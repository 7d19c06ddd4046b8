using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Establishments;

/// <summary>An establishment's <c>PatientCodePattern</c> is checked at startup: a typo stops the bot, not a referral.</summary>
public sealed class PatientCodePatterns : IValidateOptions<EstablishmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EstablishmentOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Establishments.Count; i++)
        {
            if (options.Establishments[i].PatientCodePattern is { Length: > 0 } pattern && Error(pattern) is { } error)
            {
                failures.Add($"{EstablishmentOptions.Section}:Establishments:{i}:PatientCodePattern is not a .NET regular expression: {error}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Error(string pattern)
    {
        try
        {
            // Parsed alone first, so that a pattern such as "a)|(b" cannot balance the parentheses it is wrapped in.
            _ = new Regex(pattern, RegexOptions.None, PatientCode.MatchTimeout);
            _ = PatientCode.SitePattern(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }
}
