using Azure.Core;
using ParoleOnco.Teams;

namespace ParoleOnco.Tests.Teams;

/// <summary>The Bot Connector gets its tokens from the bot's one credential, the one Graph uses too.</summary>
public sealed class BotConnectorCredentialsTests
{
    private const string AppId = "3f1c2b7e-1111-4a4a-9c9c-123456789abc";

    [Fact]
    public async Task The_bots_outgoing_requests_carry_a_token_of_its_one_credential_for_the_audience_the_SDK_asks_for()
    {
        var credential = new RecordingCredential();
        var factory = new BotConnectorCredentials(Identity(AppId), Shared(credential));

        var credentials = await factory.CreateCredentialsAsync(AppId, "https://api.botframework.com", "https://login.microsoftonline.com/tenant", true, default);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://smba.trafficmanager.net/teams/v3/conversations/a/activities");
        await credentials.ProcessHttpRequestAsync(request, default);

        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("token-1", request.Headers.Authorization?.Parameter);
        Assert.Equal(["https://api.botframework.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task Another_app_id_gets_no_token_and_anonymous_mode_disables_authentication()
    {
        var credential = new RecordingCredential();
        var factory = new BotConnectorCredentials(Identity(AppId), Shared(credential));

        var other = await factory.CreateCredentialsAsync("someone-else", "https://api.botframework.com", "", true, default);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://smba.trafficmanager.net/teams/");
        await other.ProcessHttpRequestAsync(request, default);

        Assert.Null(request.Headers.Authorization);
        Assert.False(await factory.IsValidAppIdAsync("someone-else", default));
        Assert.True(await new BotConnectorCredentials(Identity(""), Shared(credential)).IsAuthenticationDisabledAsync(default));
    }

    private static BotIdentity Identity(string appId) => new() { AppId = appId, TenantId = "tenant", Password = "s" };

    /// <summary>The credential the bot builds (here a secret one, never asked), with the recording one in its place.</summary>
    private static BotCredential Shared(TokenCredential credential) => BotCredential.From(credential);

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken($"token-{Scopes.Count}", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
