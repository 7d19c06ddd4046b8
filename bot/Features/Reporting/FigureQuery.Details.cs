using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Reporting;

public sealed partial class FigureQuery
{
    /// <summary>Referral to decision and to the AP's acceptance; escalation to acknowledgement: two instants a row.</summary>
    private async Task DurationsAsync(string? establishmentId, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        var decided = await Referrals(establishmentId).Where(r => r.DecidedAt >= from && r.DecidedAt < to)
            .Select(r => new { r.EstablishmentId, At = r.DecidedAt!.Value, r.SubmittedAt }).ToListAsync(cancellationToken);
        foreach (var d in decided)
        {
            at(d.EstablishmentId, buckets.IndexOf(d.At)).HoursToDecision.Add((d.At - d.SubmittedAt).TotalHours);
        }

        var accepted = await Referrals(establishmentId).Where(r => r.AcceptedAt >= from && r.AcceptedAt < to)
            .Select(r => new { r.EstablishmentId, At = r.AcceptedAt!.Value, r.SubmittedAt }).ToListAsync(cancellationToken);
        foreach (var a in accepted)
        {
            at(a.EstablishmentId, buckets.IndexOf(a.At)).HoursToAcceptance.Add((a.At - a.SubmittedAt).TotalHours);
        }

        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => (establishmentId == null || e.EstablishmentId == establishmentId) && e.RaisedAt >= from && e.RaisedAt < to)
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
    /// Accompaniments accepted in the bucket whose first-contact delay is over, and whether the first contact logged
    /// falls on or before the local date the delay ends (APs log a date, not a time). Counted in the month of acceptance.
    /// </summary>
    private async Task FirstContactsAsync(string? establishmentId, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (from, to) = (buckets.From, buckets.To);
        var over = clock.GetUtcNow() - firstContactWithin;
        var accepted = await Referrals(establishmentId)
            .Where(r => r.AcceptedAt >= from && r.AcceptedAt < to && r.AcceptedAt <= over)
            .Select(r => new
            {
                r.EstablishmentId,
                AcceptedAt = r.AcceptedAt!.Value,
                First = db.LogbookEntries.Where(e => e.ReferralId == r.Id).Min(e => (DateOnly?)e.ContactDate),
            })
            .ToListAsync(cancellationToken);
        foreach (var a in accepted)
        {
            var f = at(a.EstablishmentId, buckets.IndexOf(a.AcceptedAt));
            f.FirstContactDue++;
            var deadline = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.AcceptedAt + firstContactWithin, zone).DateTime);
            if (a.First is { } first && first <= deadline)
            {
                f.FirstContactInTime++;
            }
        }
    }

    /// <summary>Contacts by the date the AP gave: counts, minutes and expenses by modality, and support types.</summary>
    private async Task ContactsAsync(string? establishmentId, Buckets buckets, Func<string, int, Figures> at, CancellationToken cancellationToken)
    {
        var (first, end) = (buckets.Dates[0], buckets.Dates[^1]);
        var contacts =
            from e in db.LogbookEntries.AsNoTracking()
            join r in Referrals(establishmentId) on e.ReferralId equals r.Id
            where e.ContactDate >= first && e.ContactDate < end
            select new { r.EstablishmentId, e.ContactDate, e.Modality, e.DurationMinutes, e.ParkingExpense, e.Kilometres, e.SupportTypes };
        var bucket = buckets.IndexOf<DatedContact, DateOnly>(c => c.ContactDate, buckets.Dates);
        var keyed = contacts
            .Select(c => new DatedContact
            {
                Establishment = c.EstablishmentId, ContactDate = c.ContactDate, Modality = c.Modality, Minutes = c.DurationMinutes,
                Parking = c.ParkingExpense ?? 0m, Kilometres = c.Kilometres ?? 0m, SupportTypes = c.SupportTypes,
            })
            .Select(ContactKey(bucket));
        // One pass over the entries: grouped by modality and by the support types' code list (one column) together.
        var groups = await keyed
            .GroupBy(c => new { c.Establishment, c.Bucket, c.Modality, c.SupportTypes })
            .Select(g => new
            {
                g.Key.Establishment, g.Key.Bucket, g.Key.Modality, g.Key.SupportTypes, Count = g.Count(),
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
            f.ParkingDollars += g.Parking;
            f.Kilometres += g.Kilometres;
            foreach (var code in g.SupportTypes)
            {
                f.SupportTypes[code] = f.SupportTypes.GetValueOrDefault(code) + g.Count;
            }
        }
    }

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
    public decimal Parking { get; init; }
    public decimal Kilometres { get; init; }
    public IReadOnlyList<string> SupportTypes { get; init; } = [];
}
