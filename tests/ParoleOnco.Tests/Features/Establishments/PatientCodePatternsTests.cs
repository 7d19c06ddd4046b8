using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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

    [Fact]
    public void The_bot_s_establishment_options_carry_the_check()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = Path.GetTempPath() });
        builder.Configuration["ConnectionStrings:ParoleOnco"] = "Data Source=:memory:";
        builder.Configuration["ParoleOnco:Establishments:0:Id"] = "E1";
        builder.Configuration["ParoleOnco:Establishments:0:Name"] = "CHUM";
        builder.Configuration["ParoleOnco:Establishments:0:Programs:0"] = "breast";
        builder.Configuration["ParoleOnco:Establishments:0:PatientCodePattern"] = "CHUM-(";
        builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);
        using var app = builder.Build();

        var refusal = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<EstablishmentOptions>>().Value);

        Assert.StartsWith("ParoleOnco:Establishments:0:PatientCodePattern", refusal.Message);
    }
}
