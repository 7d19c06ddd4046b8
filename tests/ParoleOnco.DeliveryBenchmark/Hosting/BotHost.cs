using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.DeliveryBenchmark.Hosting;

/// <summary>
/// The real bot (its <c>Program</c>, services, options and hosted workers) in this process, on a fresh database.
/// WebApplicationFactory's in-memory server is enough here: nothing calls the bot's endpoint during the run; what
/// is measured is its background work (reminder worker, outbox dispatcher) and its outgoing connector calls, which
/// cross real loopback sockets to the connector's Kestrel, through the Bot Framework's own HTTP client.
/// </summary>
public sealed class BotHost(TestDatabase database, LogTally logs, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>Starts the host: migrations run, then the reminder worker and the outbox dispatcher.</summary>
    public void Start() => _ = Services;

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development, the only environment that runs without an app id, but without its development-only checks
        // (DI scope validation) in the measured path, as deployed.
        builder.UseEnvironment("Development");
        builder.UseDefaultServiceProvider(provider => provider.ValidateScopes = provider.ValidateOnBuild = false);
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:ParoleOnco", database.ConnectionString);
        builder.UseSetting("MicrosoftAppId", "");

        // appsettings.json logs Information: warnings and errors are counted instead, and summed up after the run.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
        });
    }
}
