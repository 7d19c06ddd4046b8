using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Retention;

/// <summary>
/// Daily, on the persistent schedule (so it runs once with several instances, and a missed day runs at start): erases
/// what is kept no longer than the program needs, in the same transaction as the run marked done and the next one
/// planned. Each statement only touches what is still there, so a run is cheap when there is nothing to do.
/// </summary>
public sealed partial class RetentionPurge(
    ParoleOncoDbContext db, ReminderSchedule schedule, ProgramCalendar calendar, TimeProvider clock, IOptions<RetentionOptions> options,
    ILogger<RetentionPurge> logger) : IScheduledWork, IPeriodicWork
{
    private const int KeysPerStatement = 500;

    public ReminderKind Kind => ReminderKind.RetentionPurge;

    public string Key => "retention";

    public DateTimeOffset NextRunAfter(DateTimeOffset now)
    {
        var today = calendar.At(calendar.Today, options.Value.RunAtHour);
        return today > now ? today : calendar.At(calendar.Today.AddDays(1), options.Value.RunAtHour);
    }

    public async Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var contacts = await EraseContactDataAsync(now - o.ContactDataAfterClosing, cancellationToken);
        var records = await EraseRecordsAsync(now - o.RecordsAfterClosing, cancellationToken);
        var bookkeeping = await db.OutboxMessages
            .Where(m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Parked && m.CreatedAt < now - o.DeliveredMessages)
            .ExecuteDeleteAsync(cancellationToken);
        bookkeeping += await db.Reminders.Where(r => r.Status == ReminderStatus.Done && r.DoneAt < now - o.DeliveredMessages).ExecuteDeleteAsync(cancellationToken);

        // A parked message stays listed for admins, but not with its card: what it carried goes like a delivered one's.
        bookkeeping += await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Parked && m.CreatedAt < now - o.DeliveredMessages && m.ProtectedCard != "")
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ProtectedCard, ""), cancellationToken);
        var tips = await db.Tips.Where(t => t.Text != null && t.PostedAt < now - o.TipsAfterPosting)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Text, (string?)null), cancellationToken);
        var audit = await db.AuditEntries.Where(a => a.At < now - o.Audit).ExecuteDeleteAsync(cancellationToken);
        schedule.AddPeriodic(Kind, Key, NextRunAfter(now));
        LogPurged(logger, contacts, records, tips, bookkeeping, audit);
        return [];
    }

    private Task<int> EraseContactDataAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken) =>
        EndedBefore(endedBefore)
            .Where(r => r.ProtectedPhone != PatientDataProtector.Erased || r.ProtectedNote != null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ProtectedPhone, PatientDataProtector.Erased).SetProperty(r => r.ProtectedNote, (string?)null), cancellationToken);

    /// <summary>The free text of the logbook and of escalations, and the bookkeeping of the cards that showed them.</summary>
    private async Task<int> EraseRecordsAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        var ended = EndedBefore(endedBefore).Select(r => r.Id);
        var erased = await EraseFreeTextAsync(db, ended, cancellationToken);
        foreach (var chunk in (await ended.ToListAsync(cancellationToken)).Chunk(KeysPerStatement))
        {
            await PostedCardsOf(db, chunk).ExecuteDeleteAsync(cancellationToken);
        }

        return erased;
    }

    /// <summary>The free text of these referrals' logbook entries, escalations and thanks; their structured fields stay.</summary>
    public static async Task<int> EraseFreeTextAsync(ParoleOncoDbContext db, IQueryable<Guid> referralIds, CancellationToken cancellationToken) =>
        await db.LogbookEntries
            .Where(e => referralIds.Contains(e.ReferralId) && (e.ProtectedSummary != PatientDataProtector.Erased || e.ProtectedAttentionReason != null))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProtectedSummary, PatientDataProtector.Erased).SetProperty(e => e.ProtectedAttentionReason, (string?)null), cancellationToken)
        + await db.Escalations
            .Where(e => referralIds.Contains(e.ReferralId) && e.ProtectedReason != PatientDataProtector.Erased)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProtectedReason, PatientDataProtector.Erased), cancellationToken)
        + await db.Thanks
            .Where(t => t.ReferralId != null && referralIds.Contains(t.ReferralId.Value) && t.ProtectedMessage != null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ProtectedMessage, (string?)null), cancellationToken);

    /// <summary>The outbox messages about referrals (their message keys start <c>referral/{id}/</c>).</summary>
    public static IQueryable<OutboxMessage> MessagesOf(ParoleOncoDbContext db, IReadOnlyCollection<Guid> referralIds)
    {
        var prefixes = Prefixes(referralIds);
        return db.OutboxMessages.Where(m => prefixes.Contains(m.Key.Substring(0, MessageKeys.ReferralPrefixLength)));
    }

    /// <summary>The posted-card bookkeeping of referrals (their message keys start <c>referral/{id}/</c>).</summary>
    public static IQueryable<PostedCard> PostedCardsOf(ParoleOncoDbContext db, IReadOnlyCollection<Guid> referralIds)
    {
        var prefixes = Prefixes(referralIds);
        return db.PostedCards.Where(p => prefixes.Contains(p.Key.Substring(0, MessageKeys.ReferralPrefixLength)));
    }

    private static List<string> Prefixes(IReadOnlyCollection<Guid> referralIds) =>
        [.. referralIds.Select(id => MessageKeys.ReferralStatus(id)[..MessageKeys.ReferralPrefixLength])];

    private IQueryable<Referral> EndedBefore(DateTimeOffset before) =>
        db.Referrals.Where(r => (r.Status == ReferralStatus.Closed && r.ClosedAt < before) || (r.Status == ReferralStatus.Declined && r.DecidedAt < before));

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Contacts} referrals' contact data, {Records} records' free text, {Tips} tips' text, {Bookkeeping} delivered messages and reminders, {Audit} audit rows erased")]
    private static partial void LogPurged(ILogger logger, int contacts, int records, int tips, int bookkeeping, int audit);
}
