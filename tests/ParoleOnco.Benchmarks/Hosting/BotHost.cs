using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Benchmarks.Hosting;

/// <summary>
/// The real bot (its <c>Program</c>, services, adapter and endpoint) on a fresh SQLite file, served by Kestrel on a
/// loopback port rather than the in-memory TestServer: requests then cross sockets, HTTP/1.1 parsing and Kestrel's
/// connection handling as in production, and the echo floor pays the same costs, so the ratio compares only what the
/// bot adds. For a floor, the same host swaps its IBot for <see cref="EchoBot"/> or <see cref="SavingEchoBot"/> and
/// nothing else.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly string databaseFile;
    private readonly string adminAadObjectId;
    private readonly Type? floor;
    private readonly IReadOnlyDictionary<string, string> settings;

    private BotHost(string databaseFile, string adminAadObjectId, Type? floor, IReadOnlyDictionary<string, string>? settings)
    {
        (this.databaseFile, this.adminAadObjectId, this.floor) = (databaseFile, adminAadObjectId, floor);
        this.settings = settings ?? new Dictionary<string, string>();
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Reads the bot's database as it is now (ids the setup needs, checks after a level).</summary>
    public async Task<T> QueryAsync<T>(Func<ParoleOncoDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>());
    }

    /// <param name="floor">The IBot answering instead of ParoleOnco's, if any.</param>
    /// <param name="settings">Configuration over the benchmark's own (another database, more establishments).</param>
    public static BotHost Start(string databaseFile, string adminAadObjectId, Type? floor = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new BotHost(databaseFile, adminAadObjectId, floor, settings);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        host.Address = new Uri(addresses.Addresses.Single());
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development, the only environment that runs without an app id, with the bot's own appsettings.json (logging
        // included), but without its development-only checks (DI scope validation) in the measured path. Every user's
        // traffic comes from 127.0.0.1: the per-client limit, made for one Bot Service address, is lifted.
        builder.UseEnvironment("Development");
        builder.UseDefaultServiceProvider(provider => provider.ValidateScopes = provider.ValidateOnBuild = false);
        builder.UseSetting("Edge:RequestsPerMinutePerClient", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ParoleOnco", $"Data Source={databaseFile}");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("ParoleOnco:Admins:0", adminAadObjectId);

        // The scenario refers every cancer type to E1 (see ApGroup): there, E1 runs every program.
        builder.UseSetting("ParoleOnco:Establishments:0:Programs:1", "gynecological");
        builder.UseSetting("ParoleOnco:Establishments:0:Programs:2", "oncogenetics");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (floor is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Scoped(typeof(IBot), floor)));
        }
    }
}
