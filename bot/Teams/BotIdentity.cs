using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;

namespace ParoleOnco.Teams;

/// <summary>
/// The bot's identity, bound once from the configuration's root keys (the names the Azure Bot and the SDK use): its
/// app id (empty when it runs locally without Azure: anonymous traffic), its tenant (the only one whose activities it
/// takes in), and how it proves who it is (<see cref="BotCredential"/>).
/// </summary>
public sealed class BotIdentity
{
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    [ConfigurationKeyName("MicrosoftAppType")]
    public string AppType { get; init; } = SingleTenant;

    [ConfigurationKeyName("MicrosoftAppId")]
    public string AppId { get; init; } = "";

    [ConfigurationKeyName("MicrosoftAppTenantId")]
    public string TenantId { get; init; } = "";

    [ConfigurationKeyName("MicrosoftAppPassword")]
    public string Password { get; init; } = "";

    [ConfigurationKeyName("MicrosoftAppCertificatePath")]
    public string CertificatePath { get; init; } = "";

    [ConfigurationKeyName("MicrosoftAppCertificatePassword")]
    public string CertificatePassword { get; init; } = "";

    [ConfigurationKeyName("MicrosoftAppKeyVaultCertificateUri")]
    public string KeyVaultCertificateUri { get; init; } = "";

    public bool IsAnonymous => AppId.Length == 0;

    public static BotIdentity From(IConfiguration configuration)
    {
        var identity = new BotIdentity();
        configuration.Bind(identity);
        return new BotIdentity
        {
            AppType = string.IsNullOrWhiteSpace(identity.AppType) ? SingleTenant : identity.AppType.Trim(),
            AppId = identity.AppId?.Trim() ?? "",
            TenantId = identity.TenantId?.Trim() ?? "",
            Password = identity.Password ?? "",
            CertificatePath = identity.CertificatePath?.Trim() ?? "",
            CertificatePassword = identity.CertificatePassword ?? "",
            KeyVaultCertificateUri = identity.KeyVaultCertificateUri?.Trim() ?? "",
        };
    }

    /// <summary>
    /// Why the bot must not start, one line per problem naming its key, or null. Without an app id nothing is
    /// authenticated: that mode is for <c>dotnet run</c> on a developer's machine (the Development environment), never a
    /// deployment.
    /// </summary>
    public static string? RefusalToStart(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = From(configuration).Problems(environment);
        return problems.Count == 0 ? null : string.Join(Environment.NewLine, problems);
    }

    public IReadOnlyList<string> Problems(IHostEnvironment environment)
    {
        if (string.Equals(AppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            return ["MicrosoftAppType=MultiTenant is refused: Azure no longer creates multi-tenant bots; use SingleTenant (a secret or a certificate) or UserAssignedMSI."];
        }

        if (!string.Equals(AppType, SingleTenant, StringComparison.OrdinalIgnoreCase) && !string.Equals(AppType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            return [$"MicrosoftAppType '{AppType}' is not known: SingleTenant or UserAssignedMSI."];
        }

        if (IsAnonymous)
        {
            return environment.IsDevelopment() ? [] :
                [$"MicrosoftAppId is not set: without it the bot authenticates nobody, which only the Development environment allows (this is {environment.EnvironmentName})."];
        }

        var problems = new List<string>();
        if (TenantId.Length == 0)
        {
            problems.Add($"MicrosoftAppTenantId is not set: a {AppType} bot belongs to one tenant, and gets its tokens there.");
        }

        if (IsManagedIdentity)
        {
            if (Password.Length > 0 || CertificatePath.Length > 0 || KeyVaultCertificateUri.Length > 0)
            {
                problems.Add("MicrosoftAppPassword, MicrosoftAppCertificatePath and MicrosoftAppKeyVaultCertificateUri stay empty with MicrosoftAppType=UserAssignedMSI: the managed identity (MicrosoftAppId = its client id) has no secret.");
            }

            return problems;
        }

        var credentials = new[] { Password, CertificatePath, KeyVaultCertificateUri }.Count(c => c.Length > 0);
        if (credentials == 0)
        {
            problems.Add("MicrosoftAppId is set without a credential: set MicrosoftAppPassword, MicrosoftAppCertificatePath or MicrosoftAppKeyVaultCertificateUri (or use MicrosoftAppType=UserAssignedMSI).");
        }
        else if (credentials > 1)
        {
            problems.Add("MicrosoftAppPassword, MicrosoftAppCertificatePath and MicrosoftAppKeyVaultCertificateUri: set one of them, not several.");
        }
        else if (CertificatePath.Length > 0 && CertificateProblem() is { } certificate)
        {
            problems.Add(certificate);
        }
        else if (KeyVaultCertificateUri.Length > 0 && !(Uri.TryCreate(KeyVaultCertificateUri, UriKind.Absolute, out var vault) && vault.AbsolutePath.StartsWith("/certificates/", StringComparison.OrdinalIgnoreCase) && KeyVaultCertificateIdentifier.TryCreate(vault, out _)))
        {
            problems.Add("MicrosoftAppKeyVaultCertificateUri is not a Key Vault certificate's address (https://VAULT.vault.azure.net/certificates/NAME).");
        }

        return problems;
    }

    public bool IsManagedIdentity => string.Equals(AppType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase);

    /// <summary>The certificate of <see cref="CertificatePath"/> (PFX/PKCS#12 with its private key).</summary>
    public X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword.Length == 0 ? null : CertificatePassword);

    private string? CertificateProblem()
    {
        try
        {
            using var certificate = LoadCertificate();
            return certificate.HasPrivateKey ? null : "MicrosoftAppCertificatePath: the certificate has no private key, so the bot cannot sign with it.";
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The exception's kind, not its message: a wrong password and a damaged file read the same to whoever deploys.
            return $"MicrosoftAppCertificatePath does not load ({ex.GetType().Name}): a PFX file with its private key, and MicrosoftAppCertificatePassword if it has one.";
        }
    }
}
