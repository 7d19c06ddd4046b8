namespace ParoleOnco.Infrastructure;

/// <summary>How the Data Protection key ring, stored in the database beside the data it encrypts, is itself protected.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file holding the certificate (with its private key) that encrypts the key ring.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>A Key Vault certificate (<c>https://VAULT.vault.azure.net/certificates/NAME[/VERSION]</c>), read with the managed identity.</summary>
    public string? KeyVaultCertificateUri { get; init; }

    /// <summary>Lets a production bot run with the key ring unencrypted: anyone with a copy of the database reads the patient data.</summary>
    public bool AllowUnprotectedKeys { get; init; }
}
