using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reporting;

/// <summary>Which figures, for one establishment or (null) all of them; the key of a result.</summary>
public readonly record struct FigureKey(string Establishment, int Bucket);

/// <summary>
/// Whose figures: one establishment's, or (null) the whole program's; with <paramref name="ApId"/>, one AP's
/// accompaniments only (their impact), counted by the same queries.
/// </summary>
public readonly record struct FigureScope(string? EstablishmentId, Guid? ApId = null)
{
    public static FigureScope Ap(Guid apId) => new(null, apId);

    public static FigureScope FromEstablishment(string? establishmentId) => new(establishmentId);

    public static implicit operator FigureScope(string? establishmentId) => FromEstablishment(establishmentId);
}

/// <summary>
/// The program's figures, computed by the database on either provider: counts and sums are grouped in SQL by
/// establishment and bucket; only the durations a percentile needs come back, as two instants a row. Callable on its
/// own (a benchmark, a test) with a context, the program's time zone and a clock.
/// </summary>
public sealed partial class FigureQuery(ParoleOncoDbContext db, TimeZoneInfo zone, TimeProvider clock, TimeSpan firstContactWithin)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>The local date of the first referral, or null when there is none.</summary>
    public async Task<DateOnly?> FirstDayAsync(FigureScope scope, CancellationToken cancellationToken)
    {
        var first = await Referrals(scope).OrderBy(r => r.SubmittedAt).Select(r => (DateTimeOffset?)r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        return first is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
    }

    public async Task<Dictionary<FigureKey, Figures>> ComputeAsync(FigureScope scope, Buckets buckets, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<FigureKey, Figures>();
        Figures At(string establishment, int bucket) =>
            figures.TryGetValue(new(establishment, bucket), out var f) ? f : figures[new(establishment, bucket)] = new Figures();

        foreach (var c in await CountAsync(Referrals(scope).Select(r => new Stamp { Establishment = r.EstablishmentId, At = r.SubmittedAt, Code = "" }), buckets, cancellationToken))
        {
            At(c.Establishment, c.Bucket).Referrals += c.Count;
        }

        foreach (var c in await CountAsync(Declines(scope), buckets, cancellationToken))
        {
            var f = At(c.Establishment, c.Bucket);
            f.Declined += c.Count;
            f.DeclineReasons[c.Code] = f.DeclineReasons.GetValueOrDefault(c.Code) + c.Count;
        }

        foreach (var c in await CountAsync(Offers(scope), buckets, cancellationToken))
        {
            At(c.Establishment, c.Bucket).Matched += c.Count;
        }

        foreach (var c in await CountAsync(Answers(scope), buckets, cancellationToken))
        {
            var f = At(c.Establishment, c.Bucket);
            if (c.Code == Declined)
            {
                f.ApDeclined += c.Count;
            }
            else
            {
                f.ApAccepted += c.Count;
            }
        }

        foreach (var c in await CountAsync(Closings(scope), buckets, cancellationToken))
        {
            var f = At(c.Establishment, c.Bucket);
            f.Closed += c.Count;
            f.ClosedByOutcome[c.Code] = f.ClosedByOutcome.GetValueOrDefault(c.Code) + c.Count;
        }

        foreach (var c in await CountAsync(Scores(scope), buckets, cancellationToken))
        {
            At(c.Establishment, c.Bucket).Satisfaction[int.Parse(c.Code, System.Globalization.CultureInfo.InvariantCulture)] = c.Count;
        }

        await DurationsAsync(scope, buckets, At, cancellationToken);
        await AcceptancesAsync(scope, buckets, At, cancellationToken);
        await ContactsAsync(scope, buckets, At, cancellationToken);
        return figures;
    }

    /// <summary>Referrals received and offers accepted in each bucket, establishments added: what the chart draws.</summary>
    public async Task<Dictionary<int, (int Referrals, int Accepted)>> MonthlyCountsAsync(FigureScope scope, Buckets buckets, CancellationToken cancellationToken)
    {
        var referrals = await CountAsync(Referrals(scope).Select(r => new Stamp { Establishment = r.EstablishmentId, At = r.SubmittedAt, Code = "" }), buckets, cancellationToken);
        var answers = await CountAsync(Answers(scope), buckets, cancellationToken);
        return Enumerable.Range(0, buckets.Count).ToDictionary(
            i => i,
            i => (referrals.Where(c => c.Bucket == i).Sum(c => c.Count), answers.Where(c => c.Bucket == i && c.Code != Declined).Sum(c => c.Count)));
    }

    /// <summary>Now, per establishment: the queue, the accompaniments under way, each approved AP's patients and capacity.</summary>
    public async Task<Dictionary<string, CurrentLoad>> CurrentAsync(FigureScope scope, CancellationToken cancellationToken)
    {
        var (establishmentId, apId) = (scope.EstablishmentId, scope.ApId);
        var statuses = await Referrals(scope)
            .Where(r => r.Status == ReferralStatus.Submitted || r.Status == ReferralStatus.Accepted)
            .GroupBy(r => new { r.EstablishmentId, r.Status })
            .Select(g => new { g.Key.EstablishmentId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var loads = await db.AccompanyingPatients.AsNoTracking()
            .Where(a => a.Status == ApStatus.Approved && (establishmentId == null || a.EstablishmentId == establishmentId) && (apId == null || a.Id == apId))
            .Select(a => new
            {
                a.EstablishmentId,
                a.Capacity,
                Active = db.Assignments.Count(x => x.ApId == a.Id && (x.Status == AssignmentStatus.Offered || x.Status == AssignmentStatus.Accepted)),
            })
            .ToListAsync(cancellationToken);
        return statuses.Select(s => s.EstablishmentId).Concat(loads.Select(l => l.EstablishmentId)).Distinct().ToDictionary(
            e => e,
            e => new CurrentLoad(
                statuses.Where(s => s.EstablishmentId == e && s.Status == ReferralStatus.Submitted).Sum(s => s.Count),
                statuses.Where(s => s.EstablishmentId == e && s.Status == ReferralStatus.Accepted).Sum(s => s.Count),
                [.. loads.Where(l => l.EstablishmentId == e).Select(l => (l.Active, l.Capacity))]));
    }

    private const string Declined = "declined";

    /// <summary>The scope's referrals; an AP's are those they accompany or accompanied.</summary>
    private IQueryable<Referral> Referrals(FigureScope scope)
    {
        var (establishmentId, apId) = (scope.EstablishmentId, scope.ApId);
        return db.Referrals.AsNoTracking().Where(r => (establishmentId == null || r.EstablishmentId == establishmentId) && (apId == null || r.ApId == apId));
    }

    private IQueryable<Stamp> Declines(FigureScope scope) =>
        Referrals(scope).Where(r => r.Status == ReferralStatus.Declined && r.DecidedAt != null)
            .Select(r => new Stamp { Establishment = r.EstablishmentId, At = r.DecidedAt!.Value, Code = r.DeclineReason ?? "" });

    private IQueryable<Stamp> Closings(FigureScope scope) =>
        Referrals(scope).Where(r => r.Status == ReferralStatus.Closed && r.ClosedAt != null)
            .Select(r => new Stamp { Establishment = r.EstablishmentId, At = r.ClosedAt!.Value, Code = r.Outcome ?? "" });

    private IQueryable<Stamp> Scores(FigureScope scope) =>
        Referrals(scope).Where(r => r.Status == ReferralStatus.Closed && r.ClosedAt != null && r.Satisfaction != null)
            .Select(r => new Stamp { Establishment = r.EstablishmentId, At = r.ClosedAt!.Value, Code = r.Satisfaction!.Value.ToString() });

    /// <summary>The scope's offers: to an AP, those made to them, whoever accompanies the patient now.</summary>
    private IQueryable<Assignment> Assignments(FigureScope scope)
    {
        var (establishmentId, apId) = (scope.EstablishmentId, scope.ApId);
        return db.Assignments.AsNoTracking().Where(a => (establishmentId == null || a.EstablishmentId == establishmentId) && (apId == null || a.ApId == apId));
    }

    /// <summary>Every offer is a coordinator's decision to match: a referral matched twice counts twice.</summary>
    private IQueryable<Stamp> Offers(FigureScope scope) =>
        Assignments(scope).Select(a => new Stamp { Establishment = a.EstablishmentId, At = a.OfferedAt, Code = "" });

    /// <summary>An AP's answers; a closed accompaniment's assignment was accepted first.</summary>
    private IQueryable<Stamp> Answers(FigureScope scope) =>
        Assignments(scope)
            .Where(a => a.AnsweredAt != null
                && (a.Status == AssignmentStatus.Accepted || a.Status == AssignmentStatus.Closed || a.Status == AssignmentStatus.Declined))
            .Select(a => new Stamp { Establishment = a.EstablishmentId, At = a.AnsweredAt!.Value, Code = a.Status == AssignmentStatus.Declined ? Declined : "accepted" });

    private async Task<List<Counted>> CountAsync(IQueryable<Stamp> stamps, Buckets buckets, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        return await stamps.Where(s => s.At >= from && s.At < to)
            .Select(KeyedBy(buckets))
            .GroupBy(k => new { k.Establishment, k.Bucket, k.Code })
            .Select(g => new Counted(g.Key.Establishment, g.Key.Bucket, g.Key.Code, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary><c>s => new Keyed { Establishment = s.Establishment, Code = s.Code, Bucket = CASE … END }</c>.</summary>
    private static Expression<Func<Stamp, Keyed>> KeyedBy(Buckets buckets)
    {
        var bucket = buckets.IndexOf<Stamp, DateTimeOffset>(s => s.At, buckets.Instants);
        var stamp = bucket.Parameters[0];
        return Expression.Lambda<Func<Stamp, Keyed>>(
            Expression.MemberInit(
                Expression.New(typeof(Keyed)),
                Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Establishment))!, Expression.Property(stamp, nameof(Stamp.Establishment))),
                Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Code))!, Expression.Property(stamp, nameof(Stamp.Code))),
                Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Bucket))!, bucket.Body)),
            stamp);
    }
}

/// <summary>A row reduced to what a count needs: whose, when, and of which kind.</summary>
/// <remarks>Every member is set in each projection: EF cannot translate a default left to the constructor.</remarks>
internal sealed class Stamp
{
    public string Establishment { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string Code { get; init; } = "";
}

internal sealed class Keyed
{
    public string Establishment { get; init; } = "";
    public int Bucket { get; init; }
    public string Code { get; init; } = "";
}

internal sealed record Counted(string Establishment, int Bucket, string Code, int Count);
