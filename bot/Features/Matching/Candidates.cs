using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Matching;

/// <summary>Loads the APs that may be suggested for a referral and ranks them.</summary>
public sealed class Candidates(ParoleOncoDbContext db)
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(Referral referral, CancellationToken cancellationToken)
    {
        // One statement: the APs who can take one more patient, each with the patients they have. An AP who was
        // already offered this patient (and declined) is not offered them again.
        var candidates = await db.AccompanyingPatients.AsNoTracking()
            .Where(a => a.EstablishmentId == referral.EstablishmentId && a.Status == ApStatus.Approved && !a.Paused
                && !db.Assignments.Any(x => x.ReferralId == referral.Id && x.ApId == a.Id))
            .Select(a => new
            {
                Ap = a,
                Active = db.Assignments.Count(x => x.ApId == a.Id && (x.Status == AssignmentStatus.Offered || x.Status == AssignmentStatus.Accepted)),
            })
            .Where(c => c.Active < c.Ap.Capacity)
            .ToListAsync(cancellationToken);
        return Matcher.Suggest(referral.Profile, candidates.Select(c => new ApCandidate(c.Ap, c.Active)));
    }

    public async Task<Dictionary<Guid, int>> ActivePatientsAsync(IReadOnlyCollection<Guid> apIds, CancellationToken cancellationToken) =>
        await db.Assignments.AsNoTracking()
            .Where(a => apIds.Contains(a.ApId)
                && (a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted))
            .GroupBy(a => a.ApId)
            .Select(g => new { ApId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ApId, x => x.Count, cancellationToken);
}
