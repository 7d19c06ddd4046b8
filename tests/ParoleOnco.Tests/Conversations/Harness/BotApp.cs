using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The real bot, hosted in-process on a given database, with a clock the test moves. Without an app id it runs as
/// <c>dotnet run</c> does (Development, anonymous), and the in-memory server's callers stand for a loopback client
/// (or <paramref name="clientAddress"/>; or, with <paramref name="unknownClientAddress"/>, a caller without an address,
/// as on a Unix socket).
/// </summary>
public sealed class BotApp(
    TestDatabase database,
    FakeTimeProvider clock,
    IReadOnlyList<string> admins,
    string appId = "",
    IReadOnlyDictionary<string, string>? settings = null,
    CapturedLogs? logs = null,
    IPAddress? clientAddress = null,
    bool unknownClientAddress = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:ParoleOnco", database.ConnectionString);
        builder.UseSetting("MicrosoftAppId", appId);
        if (appId.Length > 0)
        {
            // A single-tenant bot's identity is whole or the bot does not start: these never reach a real authority.
            builder.UseSetting("MicrosoftAppTenantId", TeamsPayloads.TenantId);
            builder.UseSetting("MicrosoftAppPassword", "not-used-by-incoming-checks");
        }


        // These hosts test behaviour, not key protection (PatientDataKeysTests do): with an app id outside
        // Development the bot would otherwise require a certificate.
        builder.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            // A rule for the provider itself wins over the configuration's per-category levels.
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, logs.Minimum));
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            if (!unknownClientAddress)
            {
                // The in-memory server has no connection, hence no remote address: this one is the test's, set before
                // any middleware runs, as a socket would have it.
                services.Insert(0, ServiceDescriptor.Transient<IStartupFilter>(_ => new ClientAddress(clientAddress ?? IPAddress.Loopback)));
            }
        });
    }

    private sealed class ClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
