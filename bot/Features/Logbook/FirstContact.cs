using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// When an AP accepts: a prompt to make the first contact (and log it), and a check once the delay has passed.
/// </summary>
public sealed class FirstContact(ReferralPresenter referrals, ReminderSchedule reminders, IOptions<LogbookOptions> options)
{
    public CardDelivery Plan(Referral referral, Caller ap, DateTimeOffset acceptedAt)
    {
        reminders.Add(ReminderKind.LogbookOverdue, referral.Id, acceptedAt, acceptedAt + options.Value.FirstContactWithin);
        var card = LogbookCards.Reminder(
            ReminderCardKind.FirstContact, referrals.ToView(referral, ap.Name), acceptedAt, ap.Culture, (int)options.Value.FirstContactWithin.TotalHours);
        return new CardDelivery(new Recipient.Person(ap.AadObjectId), MessageKeys.FirstContact(referral.Id), card, referral.EstablishmentId);
    }
}
