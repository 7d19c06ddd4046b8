using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// Stands for the Bot Framework's token authority: OpenID metadata and signing keys (JWKS, Teams' keys endorsed for
/// <c>msteams</c>) served over HTTPS on the loopback, under a certificate from a CA this test alone trusts, and tokens
/// signed as the Bot Service signs them. <see cref="Settings"/> points the SDK's own settings at it.
/// </summary>
public sealed class ChannelAuthority : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsKeyId = "teams-key";
    public const string OtherChannelKeyId = "webchat-key";

    private readonly WebApplication server;
    private readonly RSA teamsKey = RSA.Create(2048);
    private readonly RSA otherChannelKey = RSA.Create(2048);

    private ChannelAuthority(WebApplication server)
    {
        this.server = server;
    }

    /// <summary>Its base address, with a trailing slash.</summary>
    public string Address { get; private set; } = "";

    public string MetadataUrl => Address + "channel/.well-known/openidconfiguration";

    public static async Task<ChannelAuthority> StartAsync()
    {
        using var ca = CertificateAuthority();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        var serverCertificate = ServerCertificate(ca);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        var authority = new ChannelAuthority(builder.Build());
        authority.MapDocuments();
        await authority.server.StartAsync();
        authority.Address = authority.server.Urls.Single().TrimEnd('/') + "/";
        authority.LetTheSdkTrust(X509CertificateLoader.LoadCertificate(ca.Export(X509ContentType.Cert)));
        return authority;
    }

    /// <summary>The SDK's settings for a cloud of its own (what national clouds set), pointed here.</summary>
    public IReadOnlyDictionary<string, string> Settings(string appId) => new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "not-used-by-incoming-checks",
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = Address + "emulator/.well-known/openidconfiguration",
        ["ToChannelFromBotLoginUrl"] = Address + "login/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = Address + "oauth",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
    };

    /// <summary>A token as the Bot Service sends Teams' activities; each parameter changes one thing from a valid one.</summary>
    public string Token(
        string audience, string serviceUrl, string issuer = Issuer, string keyId = TeamsKeyId, TimeSpan? expiresIn = null, RSA? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var signingKey = new RsaSecurityKey(key ?? (keyId == OtherChannelKeyId ? otherChannelKey : teamsKey)) { KeyId = keyId };
        var token = new JwtSecurityToken(
            issuer,
            audience,
            [new Claim("serviceurl", serviceUrl)],
            notBefore: expires < now ? expires - TimeSpan.FromHours(1) : now.AddMinutes(-1),
            expires: expires,
            signingCredentials: new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        teamsKey.Dispose();
        otherChannelKey.Dispose();
    }

    private void MapDocuments()
    {
        server.MapGet("/channel/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Address + "authorize",
            ["jwks_uri"] = Address + "channel/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        server.MapGet("/channel/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { Jwk(teamsKey, TeamsKeyId, "msteams"), Jwk(otherChannelKey, OtherChannelKeyId, "webchat") },
        }));
    }

    private static Dictionary<string, object> Jwk(RSA key, string keyId, string endorsement)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new[] { endorsement },
        };
    }

    /// <summary>
    /// The SDK fetches metadata and keys with a static HttpClient of its own (4.23.1: ParameterizedBotFrameworkAuthentication,
    /// not the IHttpClientFactory), but caches what it fetched by metadata URL for the process. Building an extractor
    /// for this authority's URL first, with a client that trusts the test CA, fills that cache: the bot's checks then
    /// run the SDK's own code against these documents, and no machine or user certificate store is touched.
    /// </summary>
    private void LetTheSdkTrust(X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        _ = new JwtTokenExtractor(new HttpClient(handler), new TokenValidationParameters(), MetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    private static X509Certificate2 CertificateAuthority()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ParoleOnco test authority", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 ServerCertificate(X509Certificate2 ca)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), Guid.NewGuid().ToByteArray());
        return issued.CopyWithPrivateKey(key);
    }
}
