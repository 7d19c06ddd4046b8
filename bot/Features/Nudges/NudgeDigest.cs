using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Nudges;

/// <summary>
/// The reminder to refer, on <c>Nudges:Cron</c>: every clinician who referred in the last 12 months gets a digest of how
/// many APs can take a patient now where they refer, with the referral form one click away. Never to APs, never to
/// anyone who opted out. The run fires once on the persistent schedule, whatever the number of instances, and its
/// messages are queued in the same transaction, each keyed by person and run: one digest per person per period.
/// </summary>
public sealed partial class NudgeDigest(
    ParoleOncoDbContext db, ReminderSchedule schedule, EstablishmentCatalog establishments, IOptions<NudgesOptions> options,
    IOptions<LogbookOptions> calendar, TimeProvider clock, ILogger<NudgeDigest> logger) : IScheduledWork, IPeriodicWork
{
    public ReminderKind Kind => ReminderKind.NudgeDigest;

    public string Key => "nudges";

    public DateTimeOffset NextRunAfter(DateTimeOffset now) =>
        new CronSchedule(options.Value.Cron, TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone)).NextAfter(now);

    public async Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        schedule.AddPeriodic(Kind, Key, NextRunAfter(now));
        var referrers = await ReferrersAsync(now.AddMonths(-12), cancellationToken);
        var available = await AvailableApsAsync(cancellationToken);
        var thanks = await ThanksToTheirApsAsync(now.AddMonths(-12), now.AddMonths(-1), cancellationToken);
        var locales = await LocalesAsync([.. referrers.Keys], cancellationToken);
        var deliveries = referrers.Select(referrer => new CardDelivery(
            new Recipient.Person(referrer.Key),
            MessageKeys.Nudge(referrer.Key, reminder.DueAt),
            NudgeCards.Digest(
                [.. referrer.Value.Select(id => new AvailableApsView(establishments.NameOf(id), available.GetValueOrDefault(id)))],
                thanks.GetValueOrDefault(referrer.Key),
                Caller.CultureFor(locales.GetValueOrDefault(referrer.Key) ?? "fr-CA")))).ToList();
        LogDigests(logger, deliveries.Count);
        return deliveries;
    }

    /// <summary>Who referred since then, and where: not APs (some were patients referred by a clinician), not those who opted out.</summary>
    private async Task<Dictionary<string, List<string>>> ReferrersAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        (await db.Referrals.AsNoTracking()
            .Where(r => r.SubmittedAt >= since)
            .Where(r => !db.NudgeOptOuts.Any(o => o.AadObjectId == r.ReferrerAadObjectId))
            .Where(r => !db.AccompanyingPatients.Any(a => a.AadObjectId == r.ReferrerAadObjectId))
            .Select(r => new { r.ReferrerAadObjectId, r.EstablishmentId })
            .Distinct()
            .ToListAsync(cancellationToken))
        .GroupBy(r => r.ReferrerAadObjectId)
        .ToDictionary(g => g.Key, g => g.Select(r => r.EstablishmentId).Order(StringComparer.Ordinal).ToList());

    /// <summary>APs on offer with room for one more patient, by establishment: the rules matching uses.</summary>
    private async Task<Dictionary<string, int>> AvailableApsAsync(CancellationToken cancellationToken) =>
        await db.AccompanyingPatients.AsNoTracking()
            .Where(AccompanyingPatient.Available)
            .Where(a => db.Assignments.Where(Assignment.UsingCapacity).Count(x => x.ApId == a.Id) < a.Capacity)
            .GroupBy(a => a.EstablishmentId)
            .Select(g => new { EstablishmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.EstablishmentId, x => x.Count, cancellationToken);

    /// <summary>
    /// Thanks received in the last month by the APs who accompany the patients a clinician referred (from anyone:
    /// the clinician, a colleague, a coordinator), by clinician: what the program gives back, in one number.
    /// </summary>
    private async Task<Dictionary<string, int>> ThanksToTheirApsAsync(DateTimeOffset referredSince, DateTimeOffset thankedSince, CancellationToken cancellationToken) =>
        (await db.Referrals.AsNoTracking()
            .Where(r => r.SubmittedAt >= referredSince && r.ApId != null && r.Status != Referrals.ReferralStatus.Matched)
            .Select(r => new { r.ReferrerAadObjectId, r.ApId })
            .Distinct()
            .Join(db.Thanks.Where(t => t.At >= thankedSince), p => p.ApId, t => (Guid?)t.ApId, (p, t) => new { p.ReferrerAadObjectId, ThanksId = t.Id })
            .ToListAsync(cancellationToken))
        .GroupBy(x => x.ReferrerAadObjectId)
        .ToDictionary(g => g.Key, g => g.Select(x => x.ThanksId).Distinct().Count());

    private async Task<Dictionary<string, string?>> LocalesAsync(IReadOnlyCollection<string> people, CancellationToken cancellationToken) =>
        (await db.Conversations.AsNoTracking()
            .Where(c => c.UserAadObjectId != null && people.Contains(c.UserAadObjectId))
            .Select(c => new { c.UserAadObjectId, c.Locale })
            .ToListAsync(cancellationToken))
        .DistinctBy(c => c.UserAadObjectId)
        .ToDictionary(c => c.UserAadObjectId!, c => c.Locale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders to refer: {Count} digests queued")]
    private static partial void LogDigests(ILogger logger, int count);
}
