using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ParoleOnco.Features.Delivery;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.People;

namespace ParoleOnco.Teams;

public static class TeamsServices
{
    /// <summary>
    /// The Bot Framework edge. With <c>MicrosoftAppId</c> empty the SDK accepts local anonymous traffic (Development
    /// only, see <see cref="BotIdentity.RefusalToStart"/>); with it set, the SDK validates every incoming token.
    /// </summary>
    public static IServiceCollection AddTeamsEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BotIdentity.From(configuration));
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, ConnectionOrigin.Capture>());
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section)
            .Validate(o => o.MaxActivityBytes > 0 && o.RequestsPerMinutePerClient > 0, "Edge limits must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(MessagesEndpoint.RateLimitPolicy, PerClient);
        });
        services.AddHttpClient(); // the SDK reuses connections when it is given a factory
        services.AddSingleton<BotCredential>(sp => BotCredential.For(sp.GetRequiredService<BotIdentity>(), sp.GetRequiredService<IOptions<GraphOptions>>()));
        services.AddSingleton<ServiceClientCredentialsFactory, BotConnectorCredentials>();
        services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedSerializerAuthentication(
            sp.GetRequiredService<ConfigurationBotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<SharedSerializerAuthentication>>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddScoped<IBot, ParoleOncoBot>();
        services.AddScoped<ConversationStore>();
        services.AddSingleton<ProactiveTurn>();
        services.AddScoped<PostedCards>();
        services.AddScoped<ICardSender, TeamsCardSender>();
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Graph:BaseUrl is not an absolute address.")
            .Validate(o => Uri.TryCreate(o.AuthorityHost, UriKind.Absolute, out _), "Graph:AuthorityHost is not an absolute address.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxPages > 0 && o.ClockSkew >= TimeSpan.Zero, "Graph:Timeout and Graph:MaxPages must be positive, Graph:ClockSkew not negative.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(GraphAccess)).AddHttpMessageHandler(GraphAccess.ThrottlingRetry);
        services.AddSingleton<GraphAccess>();
        services.AddSingleton<ShownCards>();
        services.AddSingleton<ICoordinatorRoster, TeamsCoordinatorRoster>();
        services.AddSingleton<IDirectory, GraphDirectory>();
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section)
            .Validate(o => o.CacheFor > TimeSpan.Zero, "Directory:CacheFor must be positive.")
            .ValidateOnStart();
        services.AddScoped<IAppInstaller, GraphAppInstaller>();
        services.AddMemoryCache();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsEdge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", MessagesEndpoint.HandleAsync)
            .AddEndpointFilter(LocalOnly.Filter)
            .RequireRateLimiting(MessagesEndpoint.RateLimitPolicy);
        return endpoints;
    }

    // The connection's own address: behind a proxy that rewrites it (forwarded headers), the address it vouches for.
    private static RateLimitPartition<string> PerClient(HttpContext http)
    {
        var perMinute = http.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.RequestsPerMinutePerClient;
        return RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
