using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Reporting;

public sealed partial class FigureQuery
{
    /// <summary>Referral to decision; escalation to acknowledgement: two instants a row.</summary>
    private async Task DurationsAsync(FigureScope scope, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        var decided = await Referrals(scope).Where(r => r.DecidedAt >= from && r.DecidedAt < to)
            .Select(r => new { r.EstablishmentId, At = r.DecidedAt!.Value, r.SubmittedAt }).ToListAsync(cancellationToken);
        foreach (var d in decided)
        {
            at(d.EstablishmentId, buckets.IndexOf(d.At)).HoursToDecision.Add((d.At - d.SubmittedAt).TotalHours);
        }

        var (establishmentId, apId) = (scope.EstablishmentId, scope.ApId);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => (establishmentId == null || e.EstablishmentId == establishmentId) && (apId == null || e.ApId == apId) && e.RaisedAt >= from && e.RaisedAt < to)
            .Select(e => new { e.EstablishmentId, e.RaisedAt, e.AcknowledgedAt }).ToListAsync(cancellationToken);
        foreach (var e in escalations)
        {
            var f = at(e.EstablishmentId, buckets.IndexOf(e.RaisedAt));
            f.Escalations++;
            if (e.AcknowledgedAt is { } acknowledged)
            {
                f.MinutesToAcknowledge.Add((acknowledged - e.RaisedAt).TotalMinutes);
            }
        }
    }

    /// <summary>
    /// Accompaniments accepted in the bucket, in one read: the time from referral to the AP's acceptance, and for those
    /// whose first-contact delay is over, whether the first contact logged falls on or before the local date the delay
    /// ends (APs log a date, not a time). Counted in the month of acceptance.
    /// </summary>
    private async Task AcceptancesAsync(FigureScope scope, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        var over = clock.GetUtcNow() - firstContactWithin;
        var accepted = await Referrals(scope)
            .Where(r => r.AcceptedAt >= from && r.AcceptedAt < to)
            .Select(r => new
            {
                r.EstablishmentId,
                r.SubmittedAt,
                AcceptedAt = r.AcceptedAt!.Value,
                First = db.LogbookEntries.Where(e => e.ReferralId == r.Id).Min(e => (DateOnly?)e.ContactDate),
            })
            .ToListAsync(cancellationToken);
        foreach (var a in accepted)
        {
            var f = at(a.EstablishmentId, buckets.IndexOf(a.AcceptedAt));
            f.HoursToAcceptance.Add((a.AcceptedAt - a.SubmittedAt).TotalHours);
            if (a.AcceptedAt > over)
            {
                continue;
            }

            f.FirstContactDue++;
            var deadline = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.AcceptedAt + firstContactWithin, zone).DateTime);
            if (a.First is { } first && first <= deadline)
            {
                f.FirstContactInTime++;
            }
        }
    }

    /// <summary>
    /// Contacts by the date the AP gave: counts, minutes and expenses by modality, and support types. Entries carry their
    /// establishment, and an index holds every column read here: the scan never touches the entries' encrypted text.
    /// </summary>
    private async Task ContactsAsync(FigureScope scope, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (first, end) = (buckets.Dates[0], buckets.Dates[^1]);
        var (establishmentId, apId) = (scope.EstablishmentId, scope.ApId);
        var dated = db.LogbookEntries.AsNoTracking()
            .Where(e => (establishmentId == null || e.EstablishmentId == establishmentId) && (apId == null || e.ApId == apId)
                && e.ContactDate >= first && e.ContactDate < end)
            .Select(e => new DatedContact
            {
                Establishment = e.EstablishmentId, ContactDate = e.ContactDate, Modality = e.Modality, Minutes = e.DurationMinutes,
                Parking = (double?)e.ParkingExpense, Kilometres = (double?)e.Kilometres, SupportTypes = e.SupportTypes,
            });
        // One pass over the entries: grouped by modality and by the support types' code list (one column) together, in
        // the index's order. A single bucket stays out of the key: SQLite then reads the groups in order, without a sort.
        // Expenses are summed as SQL floats, not SQLite's decimal function called once a row, and rounded back to cents.
        var groups = buckets.Count == 1
            ? await dated.GroupBy(c => new { c.Establishment, c.Modality, c.SupportTypes })
                .Select(g => new ContactGroup
                {
                    Establishment = g.Key.Establishment, Modality = g.Key.Modality, SupportTypes = g.Key.SupportTypes, Bucket = 0, Count = g.Count(),
                    Minutes = g.Sum(c => c.Minutes), Parking = g.Sum(c => c.Parking), Kilometres = g.Sum(c => c.Kilometres),
                })
                .ToListAsync(cancellationToken)
            : await dated.Select(ContactKey(buckets.IndexOf<DatedContact, DateOnly>(c => c.ContactDate, buckets.Dates)))
                .GroupBy(c => new { c.Establishment, c.Modality, c.SupportTypes, c.Bucket })
                .Select(g => new ContactGroup
                {
                    Establishment = g.Key.Establishment, Modality = g.Key.Modality, SupportTypes = g.Key.SupportTypes, Bucket = g.Key.Bucket, Count = g.Count(),
                    Minutes = g.Sum(c => c.Minutes), Parking = g.Sum(c => c.Parking), Kilometres = g.Sum(c => c.Kilometres),
                })
                .ToListAsync(cancellationToken);
        foreach (var g in groups)
        {
            var f = at(g.Establishment, g.Bucket);
            f.Contacts += g.Count;
            f.ContactMinutes += g.Minutes;
            var (sofar, minutes) = f.ByModality.GetValueOrDefault(g.Modality);
            f.ByModality[g.Modality] = (sofar + g.Count, minutes + g.Minutes);
            f.ParkingDollars += Cents(g.Parking);
            f.Kilometres += Cents(g.Kilometres);
            foreach (var code in g.SupportTypes)
            {
                f.SupportTypes[code] = f.SupportTypes.GetValueOrDefault(code) + g.Count;
            }
        }
    }

    private static decimal Cents(double? sum) => Math.Round((decimal)(sum ?? 0), 2);

    private static Expression<Func<DatedContact, DatedContact>> ContactKey(
        Expression<Func<DatedContact, int>> bucket)
    {
        var c = bucket.Parameters[0];
        MemberAssignment Copy(string name) =>
            Expression.Bind(typeof(DatedContact).GetProperty(name)!, Expression.Property(c, name));
        return Expression.Lambda<Func<DatedContact, DatedContact>>(
            Expression.MemberInit(
                Expression.New(typeof(DatedContact)),
                Copy(nameof(DatedContact.Establishment)), Copy(nameof(DatedContact.Modality)), Copy(nameof(DatedContact.Minutes)),
                Copy(nameof(DatedContact.Parking)), Copy(nameof(DatedContact.Kilometres)), Copy(nameof(DatedContact.SupportTypes)),
                Expression.Bind(typeof(DatedContact).GetProperty(nameof(DatedContact.Bucket))!, bucket.Body)),
            c);
    }
}

/// <summary>A logbook entry reduced to what the contact figures need.</summary>
internal sealed class DatedContact
{
    public string Establishment { get; init; } = "";
    public DateOnly ContactDate { get; init; }
    public int Bucket { get; init; }
    public string Modality { get; init; } = "";
    public int Minutes { get; init; }
    public double? Parking { get; init; }
    public double? Kilometres { get; init; }
    public IReadOnlyList<string> SupportTypes { get; init; } = [];
}

/// <summary>The contacts of one establishment, bucket, modality and support types, added up by the database.</summary>
internal sealed class ContactGroup
{
    public string Establishment { get; init; } = "";
    public int Bucket { get; init; }
    public string Modality { get; init; } = "";
    public IReadOnlyList<string> SupportTypes { get; init; } = [];
    public int Count { get; init; }
    public int Minutes { get; init; }
    public double? Parking { get; init; }
    public double? Kilometres { get; init; }
}
