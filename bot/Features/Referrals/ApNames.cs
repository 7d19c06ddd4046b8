using Microsoft.EntityFrameworkCore;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

internal static class ApNames
{
    /// <summary>The names of the APs of these referrals, in one query.</summary>
    public static async Task<Dictionary<Guid, string>> OfAsync(
        ParoleOncoDbContext db, IEnumerable<Referral> referrals, CancellationToken cancellationToken)
    {
        var ids = referrals.Where(r => r.ApId is not null).Select(r => r.ApId!.Value).Distinct().ToList();
        return await db.AccompanyingPatients.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }
}
