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
        // One statement: the APs on offer, each with the patients they have (counted from the index, once: a filter on
        // the count would count again, so the full ones are left out by the matcher) and their latest offer, for fair
        // load (the index's maximum: no history is loaded).
        var candidates = await AvailableFor(referral)
            .Select(a => new ApCandidate(a.Id, a.Name, a.CancerTypes, a.Languages, a.AgeBand, a.Modalities, a.Capacity,
                db.Assignments.Where(Assignment.UsingCapacity).Count(x => x.ApId == a.Id),
                db.Assignments.Where(x => x.ApId == a.Id).Max(x => (DateTimeOffset?)x.OfferedAt)))
            .ToListAsync(cancellationToken);
        return Matcher.Suggest(referral.Profile, candidates);
    }

    /// <summary>
    /// The AP a coordinator picked, tracked, if they can still take this patient: a card shown an hour ago may suggest
    /// someone now full or paused. Any AP on offer may be picked, not only the best ranked when the card was drawn.
    /// </summary>
    public Task<AccompanyingPatient?> OnOfferAsync(Referral referral, Guid apId, CancellationToken cancellationToken) =>
        AvailableFor(referral)
            .Where(a => a.Id == apId
                && db.Assignments.Where(Assignment.UsingCapacity).Count(x => x.ApId == a.Id) < a.Capacity)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// On offer, room permitting: approved, not paused, in the referral's establishment; an AP who was already offered
    /// this patient (and declined) is not offered them again.
    /// </summary>
    private IQueryable<AccompanyingPatient> AvailableFor(Referral referral) =>
        db.AccompanyingPatients.Where(AccompanyingPatient.Available)
            .Where(a => a.EstablishmentId == referral.EstablishmentId && !db.Assignments.Any(x => x.ReferralId == referral.Id && x.ApId == a.Id));

    public async Task<Dictionary<Guid, int>> ActivePatientsAsync(IReadOnlyCollection<Guid> apIds, CancellationToken cancellationToken) =>
        await db.Assignments.AsNoTracking()
            .Where(Assignment.UsingCapacity)
            .Where(a => apIds.Contains(a.ApId))
            .GroupBy(a => a.ApId)
            .Select(g => new { ApId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ApId, x => x.Count, cancellationToken);
}
