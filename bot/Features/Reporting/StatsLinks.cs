using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// Signed, expiring links to the figures' files (the two CSV exports and the chart). The token is encrypted and
/// authenticated with the bot's Data Protection keys and carries which file, who asked, the establishment (<c>""</c>
/// for the whole program), the period and when it expires: it cannot be forged, changed or used after 15 minutes,
/// checked on the program's clock. The chart's link lives a day: Teams loads the picture again whenever the card is
/// drawn, and the picture holds counts only.
/// </summary>
public sealed class StatsLinks(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ChartLifetime = TimeSpan.FromDays(1);

    private readonly IDataProtector protector = provider.CreateProtector("ParoleOnco.StatsExport.v1");

    public string Token(StatsFile file, string callerAadObjectId, string establishmentId, string period, string language) =>
        protector.Protect(string.Join(
            '\n', file, callerAadObjectId, establishmentId, period, language,
            (clock.GetUtcNow() + (file == StatsFile.Chart ? ChartLifetime : Lifetime)).ToUnixTimeSeconds()));

    /// <summary>The request a token carries for that file, or why it cannot be honoured.</summary>
    public StatsLinkRequest Read(StatsFile file, string? token)
    {
        string[] parts;
        try
        {
            parts = protector.Unprotect(token ?? "").Split('\n');
        }
        catch (CryptographicException)
        {
            return new StatsLinkRequest.Invalid();
        }

        if (parts.Length != 6 || parts[0] != file.ToString() || !long.TryParse(parts[5], out var expires))
        {
            return new StatsLinkRequest.Invalid();
        }

        return clock.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(expires)
            ? new StatsLinkRequest.Expired()
            : new StatsLinkRequest.Valid(parts[1], parts[2], StatsPeriod.Parse(parts[3]), parts[4]);
    }
}

public enum StatsFile
{
    Figures,
    Accompaniments,
    Chart,
}

public abstract record StatsLinkRequest
{
    /// <param name="Language">The asker's language (<c>fr</c>, <c>en</c>): the chart's legend.</param>
    public sealed record Valid(string CallerAadObjectId, string EstablishmentId, string Period, string Language) : StatsLinkRequest;

    public sealed record Invalid : StatsLinkRequest;

    public sealed record Expired : StatsLinkRequest;
}
