using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// Signed, expiring links to the audit log's CSV file. The token is encrypted and authenticated with the bot's Data
/// Protection keys and carries who asked, the period and when it expires, so a link cannot be forged, changed or used
/// after 15 minutes. The expiry is checked on the program's clock (<see cref="TimeProvider"/>).
/// </summary>
public sealed class AuditExportLinks(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector protector = provider.CreateProtector("ParoleOnco.AuditExport.v1");

    public string Token(string adminAadObjectId, DateOnly from, DateOnly to) =>
        protector.Protect(string.Join('\n', adminAadObjectId, Iso(from), Iso(to), (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds()));

    /// <summary>The request a token carries, or why it cannot be honoured.</summary>
    public AuditExportRequest Read(string? token)
    {
        string[] parts;
        try
        {
            parts = protector.Unprotect(token ?? "").Split('\n');
        }
        catch (CryptographicException)
        {
            return new AuditExportRequest.Invalid();
        }

        if (parts.Length != 4 || !DateOnly.TryParse(parts[1], CultureInfo.InvariantCulture, out var from)
            || !DateOnly.TryParse(parts[2], CultureInfo.InvariantCulture, out var to) || !long.TryParse(parts[3], out var expires))
        {
            return new AuditExportRequest.Invalid();
        }

        return clock.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(expires)
            ? new AuditExportRequest.Expired()
            : new AuditExportRequest.Valid(parts[0], from, to);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public abstract record AuditExportRequest
{
    public sealed record Valid(string AdminAadObjectId, DateOnly From, DateOnly To) : AuditExportRequest;

    public sealed record Invalid : AuditExportRequest;

    public sealed record Expired : AuditExportRequest;
}
