using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.People;

namespace ParoleOnco.Teams;

public static class TeamsServices
{
    /// <summary>
    /// The Bot Framework edge. With <c>MicrosoftAppId</c> empty the SDK accepts local anonymous traffic;
    /// with it set, the SDK validates every incoming token.
    /// </summary>
    public static IServiceCollection AddTeamsEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BotIdentity.From(configuration));
        services.AddHttpClient(); // the SDK reuses connections when it is given a factory
        services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedSerializerAuthentication(sp.GetRequiredService<ConfigurationBotFrameworkAuthentication>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddScoped<IBot, ParoleOncoBot>();
        services.AddScoped<ConversationStore>();
        services.AddSingleton<ProactiveTurn>();
        services.AddScoped<PostedCards>();
        services.AddScoped<ICardSender, TeamsCardSender>();
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        services.AddSingleton<GraphAccess>();
        services.AddSingleton<ShownCards>();
        services.AddSingleton<ICoordinatorRoster, TeamsCoordinatorRoster>();
        services.AddSingleton<IDirectory, GraphDirectory>();
        services.AddMemoryCache();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsEdge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken))
            .AddEndpointFilter(LocalOnlyWithoutAppId);
        return endpoints;
    }

    /// <summary>
    /// Without an app id the SDK authenticates nobody: anyone reaching the port could claim any identity and point
    /// the bot's replies anywhere. That mode is for a developer's machine, so it answers loopback callers only.
    /// </summary>
    private static async ValueTask<object?> LocalOnlyWithoutAppId(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var anonymous = http.RequestServices.GetRequiredService<BotIdentity>().AppId.Length == 0;
        var remote = http.Connection.RemoteIpAddress;
        return anonymous && remote is not null && !System.Net.IPAddress.IsLoopback(remote)
            ? Results.StatusCode(StatusCodes.Status403Forbidden)
            : await next(context);
    }
}
