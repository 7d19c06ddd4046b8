using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// What each reminder does when it comes due: prompt after a planned contact, one gentle reminder when an entry is
/// overdue, then the coordinators; announce an escalation again until it is acknowledged.
/// Each decides from the data as it is then: an entry written meanwhile, or a closed accompaniment, silences it.
/// </summary>
public sealed class LogbookReminders(
    ParoleOncoDbContext db,
    ReferralPresenter referrals,
    LogbookPresenter presenter,
    ReminderSchedule schedule,
    Locales locales,
    TimeProvider clock,
    IOptions<LogbookOptions> options) : IScheduledWork
{
    public static readonly ReminderKind[] Kinds =
        [ReminderKind.PlannedContact, ReminderKind.LogbookOverdue, ReminderKind.CoordinatorOverdue, ReminderKind.EscalationReannounce];

    public async Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        if (reminder.Kind == ReminderKind.EscalationReannounce)
        {
            return await ReannounceAsync(reminder, cancellationToken);
        }

        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reminder.ReferralId, cancellationToken);
        if (referral is not { Status: ReferralStatus.Accepted, ApId: { } apId } || await AnsweredAsync(reminder, cancellationToken))
        {
            return [];
        }

        var ap = await db.AccompanyingPatients.AsNoTracking().SingleAsync(a => a.Id == apId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (reminder.Kind)
        {
            case ReminderKind.PlannedContact:
                schedule.Add(ReminderKind.LogbookOverdue, referral.Id, reminder.Since, now + options.Value.EntryOverdueAfter);
                return [await ToApAsync(referral, ap, ReminderCardKind.PlannedContact, reminder, cancellationToken)];
            case ReminderKind.LogbookOverdue:
                schedule.Add(ReminderKind.CoordinatorOverdue, referral.Id, reminder.Since, now + options.Value.CoordinatorsToldAfter);
                return [await ToApAsync(referral, ap, ReminderCardKind.Overdue, reminder, cancellationToken)];
            case ReminderKind.CoordinatorOverdue:
                var notice = NoticeCards.LogbookOverdue(
                    ReferralPresenter.Number(referral.Id), referral.PatientCode, ap.Name, reminder.Since, locales.OfEstablishment(referral.EstablishmentId));
                return [new CardDelivery(new Recipient.CoordinatorsOf(referral.EstablishmentId), MessageKeys.Reminder(reminder.Id), notice, referral.EstablishmentId)];
            default:
                throw new InvalidOperationException($"{reminder.Kind} is not a logbook reminder.");
        }
    }

    private Task<bool> AnsweredAsync(Reminder reminder, CancellationToken cancellationToken) =>
        db.LogbookEntries.AnyAsync(e => e.ReferralId == reminder.ReferralId && e.CreatedAt >= reminder.Since, cancellationToken);

    private async Task<CardDelivery> ToApAsync(Referral referral, Onboarding.AccompanyingPatient ap, ReminderCardKind kind, Reminder reminder, CancellationToken cancellationToken)
    {
        var culture = await locales.OfPersonAsync(ap.AadObjectId, cancellationToken);
        var card = LogbookCards.Reminder(kind, referrals.ToView(referral, ap.Name), reminder.Since, culture);
        return new CardDelivery(new Recipient.Person(ap.AadObjectId), MessageKeys.Reminder(reminder.Id), card, referral.EstablishmentId);
    }

    private async Task<IReadOnlyList<CardDelivery>> ReannounceAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == reminder.EscalationId, cancellationToken);
        if (escalation is null || escalation.IsAcknowledged || escalation.Announcements >= options.Value.MaxAnnouncements)
        {
            return [];
        }

        escalation.Announce();
        schedule.Add(ReminderKind.EscalationReannounce, escalation.ReferralId, reminder.Since, clock.GetUtcNow() + options.Value.ReannounceAfter, escalation.Id);
        return [await EscalationDeliveries.AlertAsync(escalation, presenter, locales, cancellationToken)];
    }
}
