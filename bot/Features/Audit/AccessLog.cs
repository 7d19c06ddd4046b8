using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// Reads the audit trail for access reviews: a patient's right to know who accessed their data (Québec's health
/// information act, PHIPA s. 10.1), and the whole log of a period for the privacy officer.
/// </summary>
public sealed class AccessLog(ParoleOncoDbContext db)
{
    private const int MaxRows = 200;

    /// <summary>The referrals of a patient code: the subjects its access log is about.</summary>
    public Task<List<Guid>> ReferralsOfAsync(string patientCode, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().Where(r => r.PatientCode == patientCode).Select(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Who read or changed those referrals, or tried to, newest first, named where the program knows the name.</summary>
    public async Task<IReadOnlyList<AuditRowView>> OfReferralsAsync(IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        var subjects = referralIds.Select(AuditTrail.ReferralSubject).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => subjects.Contains(e.Subject))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(referralIds, cancellationToken);
        return [.. rows.Select(e => new AuditRowView(e.At, names.GetValueOrDefault(e.ActorAadObjectId, e.ActorAadObjectId), e.Action, e.Place, e.Outcome, e.Reason))];
    }

    /// <summary>
    /// The whole log from <paramref name="from"/> (included) to <paramref name="until"/> (excluded) as CSV, streamed
    /// row by row; UTF-8 with a byte order mark, so that Excel in French opens it right. Columns: see <see cref="Columns"/>.
    /// </summary>
    public async Task WriteCsvAsync(DateTimeOffset from, DateTimeOffset until, Stream output, CancellationToken cancellationToken)
    {
        // Escape: a cell a spreadsheet would run as a formula (=, +, -, @) is written as text.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, true);
        csv.WriteHeader(Columns);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.At >= from && e.At < until).OrderBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.ActorAadObjectId, e.Action, e.Subject, e.Place, e.Outcome, e.Reason ?? ""],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The export's columns, in order: the file's contract, documented in the README.</summary>
    public static readonly string[] Columns = ["at", "actor_aad_object_id", "action", "subject", "place", "outcome", "reason"];

    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        var people = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Select(r => new { r.ReferrerAadObjectId, r.ReferrerName, r.DecidedByAadObjectId, r.DecidedByName })
            .ToListAsync(cancellationToken);
        var aps = await db.AccompanyingPatients.AsNoTracking()
            .Where(a => db.Assignments.Any(x => referralIds.Contains(x.ReferralId) && x.ApId == a.Id))
            .Select(a => new { a.AadObjectId, a.Name })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string> { [AuditTrail.BotActor] = "ParoleOnco" };
        foreach (var p in people)
        {
            names.TryAdd(p.ReferrerAadObjectId, p.ReferrerName);
            if (p is { DecidedByAadObjectId: { } decider, DecidedByName: { } name })
            {
                names.TryAdd(decider, name);
            }
        }

        foreach (var ap in aps)
        {
            names.TryAdd(ap.AadObjectId, ap.Name);
        }

        return names;
    }
}
