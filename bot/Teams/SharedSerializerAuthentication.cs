using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Serialization;

namespace ParoleOnco.Teams;

/// <summary>
/// The SDK's authentication, with one change: every Bot Connector client shares the same Newtonsoft contract
/// resolvers. The SDK makes a client, with fresh resolvers, for each message; building their contracts again cost
/// 10–16 ms of CPU per message sent, about half the bot's CPU under load (tests/ParoleOnco.Benchmarks).
/// And one addition: every refusal becomes <see cref="ActivityRefused"/>, logged once, without the token.
/// </summary>
public sealed partial class SharedSerializerAuthentication(ConfigurationBotFrameworkAuthentication inner, ILogger<SharedSerializerAuthentication> logger)
    : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        // Replies go to serviceUrl; without one the SDK also skips comparing it with the token's serviceurl claim.
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            LogNoServiceUrl(logger, activity.Type);
            throw new ActivityRefused(StatusCodes.Status400BadRequest);
        }

        AuthenticateRequestResult result;
        try
        {
            result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Malformed, unsigned, unknown-key, expired, wrong audience or issuer, unendorsed: the SDK throws a different
            // type for each, and its messages quote claims. The type says which without them.
            LogNotAuthenticated(logger, activity.Type, e.GetType().Name);
            throw new ActivityRefused(StatusCodes.Status401Unauthorized);
        }

        result.ConnectorFactory = new SharingFactory(result.ConnectorFactory);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = new SharingFactory(result.ConnectorFactory);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharingFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity: its token did not authenticate ({Reason})")]
    private static partial void LogNotAuthenticated(ILogger logger, string activityType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity without a serviceUrl")]
    private static partial void LogNoServiceUrl(ILogger logger, string activityType);

    private sealed class SharingFactory(ConnectorFactory inner) : ConnectorFactory
    {
        // Contract resolvers cache per type and are safe to share between threads; the first client's become everyone's.
        private static IContractResolver? serialization;
        private static IContractResolver? deserialization;

        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
            client.SerializationSettings.ContractResolver = serialization ??= client.SerializationSettings.ContractResolver;
            client.DeserializationSettings.ContractResolver = deserialization ??= client.DeserializationSettings.ContractResolver;
            return client;
        }
    }
}
