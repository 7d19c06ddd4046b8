using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// <c>accompaniments.csv</c>: a de-identified line list for research, one row per referral received in the period.
/// Never the patient code, phone, note, summaries, reasons people typed or names: the referral is replaced by a
/// pseudonym keyed anew for each export, so two exports cannot be joined on it. Streamed: one query, one referral in
/// memory at a time, however long the history.
/// </summary>
public static class AccompanimentsCsv
{
    /// <summary>The file's columns, in order: its contract with the evaluation team, documented in the README.</summary>
    public static readonly string[] Columns =
    [
        "pseudonym", "establishment", "month", "cancer_type", "age_band", "language", "modality", "needs", "status",
        "hours_to_decision", "hours_to_ap_acceptance", "outcome", "contacts", "contact_minutes", "support_types", "satisfaction",
    ];

    public static async Task WriteAsync(ParoleOncoDbContext db, string? only, Buckets period, Stream output, CancellationToken cancellationToken)
    {
        var (start, end) = (period.From, period.To);
        var rows =
            from r in db.Referrals.AsNoTracking()
            where (only == null || r.EstablishmentId == only) && r.SubmittedAt >= start && r.SubmittedAt < end
            join e in db.LogbookEntries.AsNoTracking() on r.Id equals e.ReferralId into entries
            from e in entries.DefaultIfEmpty()
            orderby r.Id
            select new Line
            {
                Id = r.Id, Establishment = r.EstablishmentId, SubmittedAt = r.SubmittedAt, CancerType = r.CancerType, AgeBand = r.AgeBand,
                Language = r.Language, Modality = r.Modality, Needs = r.Needs, Status = r.Status, DecidedAt = r.DecidedAt,
                AcceptedAt = r.AcceptedAt, Outcome = r.Outcome, Satisfaction = r.Satisfaction,
                EntryId = e == null ? null : e.Id, Minutes = e == null ? 0 : e.DurationMinutes, SupportTypes = e == null ? null : e.SupportTypes,
            };

        using var pseudonyms = new HMACSHA256(RandomNumberGenerator.GetBytes(32));
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, true);
        csv.WriteHeader(Columns);
        Referral? current = null;
        await foreach (var line in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (current?.Line.Id != line.Id)
            {
                await WriteAsync(csv, current, pseudonyms, period, cancellationToken);
                current = new Referral(line);
            }

            current.Add(line);
        }

        await WriteAsync(csv, current, pseudonyms, period, cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }

    private static async Task WriteAsync(CsvWriter csv, Referral? referral, HMAC pseudonyms, Buckets period, CancellationToken cancellationToken)
    {
        if (referral is null)
        {
            return;
        }

        var r = referral.Line;
        var month = TimeZoneInfo.ConvertTime(r.SubmittedAt, period.Zone);
        await csv.WriteRecordAsync(
        [
            Convert.ToHexStringLower(pseudonyms.ComputeHash(r.Id.ToByteArray()))[..16], r.Establishment,
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.CancerType, r.AgeBand, r.Language, r.Modality,
            string.Join(';', r.Needs), r.Status.ToString().ToLowerInvariant(),
            FiguresCsv.N(r.DecidedAt is { } decided ? (decided - r.SubmittedAt).TotalHours : null),
            FiguresCsv.N(r.AcceptedAt is { } accepted ? (accepted - r.SubmittedAt).TotalHours : null),
            r.Outcome ?? "", FiguresCsv.N(referral.Contacts), FiguresCsv.N(referral.Minutes),
            string.Join(';', referral.SupportTypes.Order(StringComparer.Ordinal)),
            r.Satisfaction is { } s ? FiguresCsv.N(s) : "",
        ], cancellationToken);
    }

    /// <summary>One referral's line, its logbook entries added up as they stream by.</summary>
    private sealed class Referral(Line line)
    {
        public Line Line { get; } = line;
        public int Contacts { get; private set; }
        public int Minutes { get; private set; }
        public HashSet<string> SupportTypes { get; } = new(StringComparer.Ordinal);

        public void Add(Line entry)
        {
            if (entry.EntryId is null)
            {
                return;
            }

            Contacts++;
            Minutes += entry.Minutes;
            SupportTypes.UnionWith(entry.SupportTypes ?? []);
        }
    }

    /// <summary>A referral joined with one of its logbook entries (or none): only the columns the file needs.</summary>
    private sealed class Line
    {
        public Guid Id { get; init; }
        public string Establishment { get; init; } = "";
        public DateTimeOffset SubmittedAt { get; init; }
        public string CancerType { get; init; } = "";
        public string AgeBand { get; init; } = "";
        public string Language { get; init; } = "";
        public string Modality { get; init; } = "";
        public IReadOnlyList<string> Needs { get; init; } = [];
        public ParoleOnco.Features.Referrals.ReferralStatus Status { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public DateTimeOffset? AcceptedAt { get; init; }
        public string? Outcome { get; init; }
        public int? Satisfaction { get; init; }
        public Guid? EntryId { get; init; }
        public int Minutes { get; init; }
        public IReadOnlyList<string>? SupportTypes { get; init; }
    }
}
