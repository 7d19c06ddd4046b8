using Microsoft.AspNetCore.DataProtection;

namespace ParoleOnco.Infrastructure;

/// <summary>Encrypts the patient's phone and the clinician's note at rest (keys live in the database).</summary>
public sealed class PatientDataProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ParoleOnco.PatientContact.v1");

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
