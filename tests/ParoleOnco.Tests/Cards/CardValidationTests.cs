namespace ParoleOnco.Tests.Cards;

/// <summary>
/// Every card, in every state and both languages, through Microsoft's own Adaptive Card parser
/// (<c>shared/tools/teams-checks/validate-cards.mjs</c>, Teams 1.5 rules). Needs node and the checks'
/// node_modules (<c>TEAMS_CHECKS_NODE_MODULES</c>); skipped with the reason when either is missing.
/// </summary>
public class CardValidationTests
{
    /// <summary>To <c>PAROLEONCO_CARDS_OUT</c> when set (the gallery renders them from there), else the test output.</summary>
    [SkippableFact]
    public void Every_card_passes_the_official_adaptive_card_parser_with_zero_findings()
    {
        var folder = Environment.GetEnvironmentVariable("PAROLEONCO_CARDS_OUT") is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : Path.Combine(AppContext.BaseDirectory, "cards-out");

        OfficialCardParser.AssertEverySamplePasses(OfficialCardParser.WriteEverySample(folder, json => json));
    }
}
