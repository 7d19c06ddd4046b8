using System.Net.Http.Headers;
using Azure.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;

namespace ParoleOnco.Teams;

/// <summary>
/// The Bot Connector's outgoing authentication from the bot's one <see cref="BotCredential"/>: a token for the
/// audience the SDK asks for (the Bot Framework's, or a skill's), whatever kind of credential the bot has.
/// </summary>
public sealed class BotConnectorCredentials(BotIdentity bot, BotCredential credential) : ServiceClientCredentialsFactory
{
    private const string BotFrameworkScope = "https://api.botframework.com";

    public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(appId, bot.AppId, StringComparison.OrdinalIgnoreCase));

    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(bot.IsAnonymous);

    public override Task<ServiceClientCredentials> CreateCredentialsAsync(
        string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
    {
        if (credential.Credential is not { } token || !string.Equals(appId, bot.AppId, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<ServiceClientCredentials>(MicrosoftAppCredentials.Empty);
        }

        var scope = $"{(string.IsNullOrEmpty(audience) ? BotFrameworkScope : audience.TrimEnd('/'))}/.default";
        return Task.FromResult<ServiceClientCredentials>(new Bearer(token, scope));
    }

    /// <summary>Azure.Identity caches the token and renews it before it expires: asking for each request costs nothing.</summary>
    private sealed class Bearer(TokenCredential credential, string scope) : ServiceClientCredentials
    {
        public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
    }
}
