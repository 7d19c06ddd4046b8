using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Matching;

/// <summary>Loads the APs that may be suggested for a referral and ranks them.</summary>
public sealed class Candidates(ParoleOncoDbContext db)
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(Referral referral, CancellationToken cancellationToken)
    {
        // An AP who was already offered this patient (and declined) is not offered them again.
        var alreadyOffered = db.Assignments.Where(a => a.ReferralId == referral.Id).Select(a => a.ApId);
        var aps = await db.AccompanyingPatients.AsNoTracking()
            .Where(a => a.EstablishmentId == referral.EstablishmentId && !alreadyOffered.Contains(a.Id))
            .ToListAsync(cancellationToken);
        var active = await ActivePatientsAsync([.. aps.Select(a => a.Id)], cancellationToken);
        return Matcher.Suggest(referral.Profile, aps.Select(a => new ApCandidate(a, active.GetValueOrDefault(a.Id))));
    }

    public async Task<Dictionary<Guid, int>> ActivePatientsAsync(IReadOnlyCollection<Guid> apIds, CancellationToken cancellationToken) =>
        await db.Assignments.AsNoTracking()
            .Where(a => apIds.Contains(a.ApId)
                && (a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted))
            .GroupBy(a => a.ApId)
            .Select(g => new { ApId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ApId, x => x.Count, cancellationToken);
}
