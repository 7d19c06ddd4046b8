using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ParoleOnco.Teams;

/// <summary>
/// The bot's Graph client, with the bot's own app credentials (app-only; the manifest's RSC permissions and the
/// tenant's consent say what it may read). Without an app id the bot runs anonymously on a developer's machine:
/// it then uses a loopback Graph only, with no token, as its endpoint accepts loopback callers only.
/// </summary>
public sealed partial class GraphAccess
{
    public GraphAccess(BotIdentity bot, BotCredential credential, IOptions<GraphOptions> options, IHttpClientFactory httpClients, ILogger<GraphAccess> logger)
    {
        var graph = options.Value;
        var baseUrl = new Uri(graph.BaseUrl.TrimEnd('/'));
        var authentication = AuthenticationFor(bot, credential, baseUrl, out var missing);
        if (authentication is null)
        {
            Unavailable = missing;
            LogUnavailable(logger, missing);
            return;
        }

        var http = httpClients.CreateClient(nameof(GraphAccess));
        http.Timeout = graph.Timeout;
        Client = new GraphServiceClient(http, authentication, baseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>Null when Graph cannot be asked: then a post whose answer was lost is posted again (at least once).</summary>
    public GraphServiceClient? Client { get; }

    /// <summary>Why there is no client, for the logs.</summary>
    public string Unavailable { get; } = "";

    private static IAuthenticationProvider? AuthenticationFor(BotIdentity bot, BotCredential credential, Uri baseUrl, out string missing)
    {
        missing = "";
        if (bot.IsAnonymous || credential.Credential is null)
        {
            missing = "anonymous mode reaches a loopback Graph only";
            return baseUrl.IsLoopback ? new AnonymousAuthenticationProvider() : null;
        }

        return new AzureIdentityAuthenticationProvider(
            credential.Credential, allowedHosts: [baseUrl.Host], observabilityOptions: null, isCaeEnabled: false, scopes: [$"{baseUrl.GetLeftPart(UriPartial.Authority)}/.default"]);
    }

    /// <summary>
    /// Graph's throttling: a 429 is asked again after its <c>Retry-After</c> (a few times at most). Other failures are
    /// each caller's to judge, as before.
    /// </summary>
    public static RetryHandler ThrottlingRetry() => new(new RetryHandlerOption
    {
        MaxRetry = 3,
        ShouldRetry = (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests,
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph is not available ({Reason}): a card whose post may have reached Teams is posted again, and may show twice")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
