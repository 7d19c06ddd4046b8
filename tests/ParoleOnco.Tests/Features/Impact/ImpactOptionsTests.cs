using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.Impact;

namespace ParoleOnco.Tests.Features.Impact;

public class ImpactOptionsTests
{
    [Fact]
    public void The_monthly_impact_card_goes_on_the_first_of_the_month_at_ten_by_default()
    {
        using var app = Bot(cron: null);

        Assert.Equal("0 0 10 1 * ?", app.Services.GetRequiredService<IOptions<ImpactOptions>>().Value.Cron);
    }

    [Theory]
    [InlineData("every month")]
    [InlineData("0 10 1 * *")] // five fields: Quartz wants the seconds too
    public void A_cron_quartz_cannot_read_is_refused_at_start(string cron)
    {
        using var app = Bot(cron);

        var refusal = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<ImpactOptions>>().Value);

        Assert.Contains("Impact:Cron", refusal.Message);
    }

    private static WebApplication Bot(string? cron)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = Path.GetTempPath() });
        builder.Configuration["ConnectionStrings:ParoleOnco"] = "Data Source=:memory:";
        if (cron is not null)
        {
            builder.Configuration["Impact:Cron"] = cron;
        }

        builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
