using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Impact;

/// <summary>
/// The monthly impact card, on <c>Impact:Cron</c>: every approved AP who had a new patient, logged a contact or was
/// thanked in the month that just ended gets that month's figures, in their language, through the outbox. The run fires
/// once on the persistent schedule whatever the number of instances, and its cards are queued in the same transaction,
/// each keyed by AP and month: a run that comes again in the month (a retry, a tighter cron) sends nobody a second card.
/// </summary>
public sealed partial class MonthlyImpact(
    ParoleOncoDbContext db, ReminderSchedule schedule, ApImpact impact, Locales locales, IOptions<ImpactOptions> options,
    TimeProvider clock, ILogger<MonthlyImpact> logger) : IScheduledWork, IPeriodicWork
{
    public ReminderKind Kind => ReminderKind.MonthlyImpact;

    public string Key => "impact";

    public DateTimeOffset NextRunAfter(DateTimeOffset now) => new CronSchedule(options.Value.Cron, impact.Zone).NextAfter(now);

    public async Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        schedule.AddPeriodic(Kind, Key, NextRunAfter(clock.GetUtcNow()));
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reminder.DueAt, impact.Zone).DateTime);
        var month = new DateOnly(due.Year, due.Month, 1).AddMonths(-1);
        var buckets = Buckets.Whole(month, month.AddMonths(1), impact.Zone);
        var deliveries = new List<CardDelivery>();
        foreach (var ap in await ActiveApsAsync(buckets, cancellationToken))
        {
            var key = MessageKeys.MonthlyImpact(ap.Id, month);
            var (each, _) = await impact.ByBucketAsync(ap.Id, buckets, cancellationToken);
            if (each[0].IsEmpty || await SentAsync(key, cancellationToken))
            {
                continue;
            }

            var thanks = await impact.LatestThanksAsync(ap.Id, buckets.From, buckets.To, cancellationToken);
            var culture = await locales.OfPersonAsync(ap.AadObjectId, cancellationToken);
            deliveries.Add(new CardDelivery(
                new Recipient.Person(ap.AadObjectId), key, ImpactCards.Monthly(new MonthlyImpactView(month, each[0], thanks), culture), ap.EstablishmentId));
        }

        LogCards(logger, deliveries.Count);
        return deliveries;
    }

    /// <summary>Approved APs with a contact logged, a thanks received or a patient accepted in the month: the others get no card.</summary>
    private async Task<List<ActiveAp>> ActiveApsAsync(Buckets buckets, CancellationToken cancellationToken)
    {
        var (from, to, first, end) = (buckets.From, buckets.To, buckets.Dates[0], buckets.Dates[^1]);
        return await db.AccompanyingPatients.AsNoTracking()
            .Where(a => a.Status == ApStatus.Approved)
            .Where(a => db.LogbookEntries.Any(e => e.ApId == a.Id && e.ContactDate >= first && e.ContactDate < end)
                || db.Thanks.Any(t => t.ApId == a.Id && t.At >= from && t.At < to)
                || db.Assignments.Any(x => x.ApId == a.Id && x.AnsweredAt >= from && x.AnsweredAt < to
                    && (x.Status == AssignmentStatus.Accepted || x.Status == AssignmentStatus.Closed)))
            .OrderBy(a => a.Id)
            .Select(a => new ActiveAp(a.Id, a.AadObjectId, a.EstablishmentId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The month's card was queued already (still in the outbox, or posted and remembered).</summary>
    private async Task<bool> SentAsync(string key, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken)
        || await db.PostedCards.AnyAsync(p => p.Key == key, cancellationToken);

    private sealed record ActiveAp(Guid Id, string AadObjectId, string EstablishmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly impact: {Count} cards queued")]
    private static partial void LogCards(ILogger logger, int count);
}
