using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

internal static class ReferralLookup
{
    public static async Task<Referral?> FindAsync(ParoleOncoDbContext db, string? referralId, CancellationToken cancellationToken) =>
        Guid.TryParse(referralId, out var id) ? await db.Referrals.FindAsync([id], cancellationToken) : null;
}
