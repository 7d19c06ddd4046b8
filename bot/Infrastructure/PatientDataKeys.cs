using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ParoleOnco.Infrastructure;

/// <summary>
/// The keys of <see cref="PatientDataProtector"/> live in the database; a certificate kept elsewhere encrypts them, so a
/// copy of the database alone decrypts nothing.
/// </summary>
public static class PatientDataKeys
{
    private const string CertificatePathKey = $"{KeyProtectionOptions.Section}:{nameof(KeyProtectionOptions.CertificatePath)}";

    public static IServiceCollection AddPatientDataKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var keys = services.AddDataProtection()
            .SetApplicationName("ParoleOnco")
            .PersistKeysToDbContext<ParoleOncoDbContext>();
        if (Certificate(options) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }
        else if (MustBeProtected(configuration, environment) && !options.AllowUnprotectedKeys)
        {
            throw new InvalidOperationException(
                $"Set {CertificatePathKey} (a PFX) or {KeyProtectionOptions.Section}:KeyVaultCertificateUri: without them the keys that encrypt patient data are stored unencrypted in the database they protect.");
        }

        return services;
    }

    /// <summary>A deployed bot (it has an app id) outside Development holds real patients' data.</summary>
    private static bool MustBeProtected(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsDevelopment() && !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    private static X509Certificate2? Certificate(KeyProtectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return FromFile(options.CertificatePath, options.CertificatePassword);
        }

        return string.IsNullOrWhiteSpace(options.KeyVaultCertificateUri) ? null : FromKeyVault(options.KeyVaultCertificateUri);
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the PFX cannot be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{CertificatePathKey}: the PFX has no private key, so the keys it encrypts could not be read back.");
    }

    // Not testable without Azure: the managed identity (DefaultAzureCredential) needs get on the vault's certificates
    // and secrets, as the private key is downloaded with the certificate.
    private static X509Certificate2 FromKeyVault(string uri)
    {
        var id = new KeyVaultCertificateIdentifier(new Uri(uri));
        var client = new CertificateClient(id.VaultUri, new DefaultAzureCredential());
        return client.DownloadCertificate(id.Name, id.Version).Value;
    }
}
