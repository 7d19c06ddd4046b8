using Microsoft.AspNetCore.DataProtection;

namespace ParoleOnco.Infrastructure;

/// <summary>Encrypts the patient's phone and the clinician's note at rest (keys live in the database).</summary>
public sealed class PatientDataProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ParoleOnco.PatientContact.v1");

    /// <summary>What an erased field holds (retention, erasure on request); it reads back as an empty text.</summary>
    public const string Erased = "";

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protectedText.Length == 0 ? Erased : protector.Unprotect(protectedText);
}
