using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>The real bot, hosted in-process on a given database, with a clock the test moves, and any other <paramref name="settings"/>.</summary>
public sealed class BotApp(
    TestDatabase database, FakeTimeProvider clock, IReadOnlyList<string> admins, string appId = "", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:ParoleOnco", database.ConnectionString);
        builder.UseSetting("MicrosoftAppId", appId);
        builder.UseSetting("Delivery:PollInterval", "00:00:00.05");
        builder.UseSetting("Graph:BaseUrl", GraphStandIn.BaseUrlFor(database));
        for (var i = 0; i < admins.Count; i++)
        {
            builder.UseSetting($"ParoleOnco:Admins:{i}", admins[i]);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // Configuration filters win over SetMinimumLevel: quiet the SDK's per-activity logs here.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:ParoleOnco", "Warning");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }
}
