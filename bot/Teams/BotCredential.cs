using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Microsoft.Extensions.Options;

namespace ParoleOnco.Teams;

/// <summary>
/// The bot's one credential, shared by Microsoft Graph and the Bot Connector: a client secret or certificate of its
/// single-tenant app registration, or its user-assigned managed identity. Null in local anonymous mode.
/// </summary>
public sealed class BotCredential
{
    private BotCredential(TokenCredential? credential) => Credential = credential;

    public TokenCredential? Credential { get; }

    /// <summary>A credential built elsewhere (tests).</summary>
    internal static BotCredential From(TokenCredential credential) => new(credential);

    public static BotCredential For(BotIdentity bot, IOptions<GraphOptions> graph)
    {
        if (bot.IsAnonymous)
        {
            return new BotCredential(null);
        }

        var authority = new Uri(graph.Value.AuthorityHost);
        if (bot.IsManagedIdentity)
        {
            return new BotCredential(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.AppId)));
        }

        var options = new ClientCertificateCredentialOptions { AuthorityHost = authority };
        if (bot.CertificatePath.Length > 0)
        {
            return new BotCredential(new ClientCertificateCredential(bot.TenantId, bot.AppId, bot.LoadCertificate(), options));
        }

        if (bot.KeyVaultCertificateUri.Length > 0)
        {
            // The vault is read with the App Service's own managed identity, once at start: the certificate, with its key.
            var id = new KeyVaultCertificateIdentifier(new Uri(bot.KeyVaultCertificateUri));
            var vault = new CertificateClient(id.VaultUri, new DefaultAzureCredential());
            var certificate = vault.DownloadCertificate(id.Name, id.Version).Value;
            return new BotCredential(new ClientCertificateCredential(bot.TenantId, bot.AppId, certificate, options));
        }

        return new BotCredential(new ClientSecretCredential(bot.TenantId, bot.AppId, bot.Password, new ClientSecretCredentialOptions { AuthorityHost = authority }));
    }
}
