using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Features.Thanking;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Impact;

/// <summary>
/// One AP's impact over months: the program's figures (<see cref="FigureQuery"/> in the AP's scope, so the AP and the
/// coordinators count alike) and the thanks they received, both counted by the database on either provider.
/// </summary>
public sealed class ApImpact(ParoleOncoDbContext db, FigureQuery figures, PatientDataProtector protector)
{
    public TimeZoneInfo Zone => figures.Zone;

    /// <summary>The AP's figures in each bucket, and over them all, added as the program adds establishments.</summary>
    public async Task<(IReadOnlyList<ImpactFiguresView> Each, ImpactFiguresView All)> ByBucketAsync(Guid apId, Buckets buckets, CancellationToken cancellationToken)
    {
        var computed = await figures.ComputeAsync(FigureScope.Ap(apId), buckets, cancellationToken);
        var thanks = await ThanksAsync(apId, buckets, cancellationToken);
        var each = Enumerable.Range(0, buckets.Count)
            .Select(i => View(Figures.Sum(computed.Where(c => c.Key.Bucket == i).Select(c => c.Value)), thanks.GetValueOrDefault(i)));
        return ([.. each], View(Figures.Sum(computed.Values), thanks.Values.Sum()));
    }

    /// <summary>Patients the AP accompanies now.</summary>
    public async Task<int> ActiveNowAsync(Guid apId, CancellationToken cancellationToken) =>
        (await figures.CurrentAsync(FigureScope.Ap(apId), cancellationToken)).Values.Sum(l => l.ActiveNow);

    /// <summary>
    /// The latest thanks with a message, newest first. A message erased with its patient's data (or never written) is
    /// not one: it is counted among the thanks, not shown.
    /// </summary>
    public async Task<IReadOnlyList<ThanksView>> LatestThanksAsync(Guid apId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var latest = await db.Thanks.AsNoTracking()
            .Where(t => t.ApId == apId && t.At >= from && t.At < to && t.ProtectedMessage != null && t.ProtectedMessage != PatientDataProtector.Erased)
            .OrderByDescending(t => t.At)
            .Take(ImpactCards.LatestThanks)
            .Select(t => new { t.FromName, t.ProtectedMessage, t.At })
            .ToListAsync(cancellationToken);
        return [.. latest.Select(t => new ThanksView(t.FromName, protector.Unprotect(t.ProtectedMessage!), t.At, PatientCode: null))];
    }

    /// <summary>Thanks received, by bucket: a CASE over the bucket's cuts, grouped in SQL.</summary>
    private async Task<Dictionary<int, int>> ThanksAsync(Guid apId, Buckets buckets, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        return await db.Thanks.AsNoTracking()
            .Where(t => t.ApId == apId && t.At >= from && t.At < to)
            .Select(buckets.IndexOf<Thanks, DateTimeOffset>(t => t.At, buckets.Instants))
            .GroupBy(bucket => bucket)
            .Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Bucket, x => x.Count, cancellationToken);
    }

    private static ImpactFiguresView View(Figures f, int thanks) => new(
        f.ApAccepted,
        f.Closed,
        f.Contacts,
        f.ContactMinutes,
        [.. Vocabulary.Needs.Where(f.SupportTypes.ContainsKey).Select(code => new CodeCount(code, f.SupportTypes[code]))],
        thanks);
}
