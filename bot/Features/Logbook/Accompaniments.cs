using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>An accompaniment under way: the referral, the AP who accepted it and their assignment.</summary>
public sealed record Accompaniment(Referral Referral, AccompanyingPatient Ap, Assignment Assignment);

/// <summary>Finds the caller's own accompaniments: an AP logs and closes only the ones they accepted.</summary>
public sealed class Accompaniments(ParoleOncoDbContext db, Roles roles)
{
    public async Task<Accompaniment?> MineAsync(Caller caller, string? referralId, CancellationToken cancellationToken)
    {
        var ap = await roles.ApAsync(caller, cancellationToken);
        if (ap is not { Status: ApStatus.Approved } || !Guid.TryParse(referralId, out var id))
        {
            return null;
        }

        var assignment = await db.Assignments.SingleOrDefaultAsync(
            a => a.ReferralId == id && a.ApId == ap.Id && a.Status == AssignmentStatus.Accepted, cancellationToken);
        var referral = assignment is null ? null : await db.Referrals.FindAsync([id], cancellationToken);
        return referral is { Status: ReferralStatus.Accepted } ? new Accompaniment(referral, ap, assignment!) : null;
    }

    public async Task<IReadOnlyList<(Referral Referral, Assignment Assignment)>> AllMineAsync(AccompanyingPatient ap, CancellationToken cancellationToken) =>
        (await (
            from assignment in db.Assignments.AsNoTracking()
            join referral in db.Referrals.AsNoTracking() on assignment.ReferralId equals referral.Id
            where assignment.ApId == ap.Id && assignment.Status == AssignmentStatus.Accepted && referral.Status == ReferralStatus.Accepted
            select new { referral, assignment }).ToListAsync(cancellationToken))
        .OrderBy(x => x.referral.AcceptedAt)
        .Select(x => (x.referral, x.assignment))
        .ToList();
}
