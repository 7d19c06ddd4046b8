using ParoleOnco.Features.Establishments;

namespace ParoleOnco.Tests.Features.Establishments;

public class PatientCodePatternsTests
{
    private static EstablishmentOptions With(params string?[] patterns) => new()
    {
        Establishments = [.. patterns.Select((p, i) => new Establishment { Id = $"E{i + 1}", Name = $"Site {i + 1}", Programs = ["breast"], PatientCodePattern = p })],
    };

    [Fact]
    public void A_pattern_that_is_not_a_regular_expression_fails_on_one_line_naming_its_key()
    {
        var result = new PatientCodePatterns().Validate(null, With(null, "CHUM-[0-9]{4}", "CHUM-([0-9]{4}"));

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("ParoleOnco:Establishments:2:PatientCodePattern is not a .NET regular expression", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_pattern_balanced_only_by_the_whole_code_anchors_is_refused()
    {
        Assert.True(new PatientCodePatterns().Validate(null, With("A)|(B")).Failed);
    }

    [Fact]
    public void Valid_empty_or_missing_patterns_pass()
    {
        Assert.True(new PatientCodePatterns().Validate(null, With(null, "", "HMR-[0-9]{5}")).Succeeded);
    }
}
