using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// <c>accompaniment.close</c>: the AP ends an accompaniment with its outcome; their capacity is free again and the
/// clinician and the coordinators are told.
/// </summary>
public sealed class CloseAccompaniment(
    ParoleOncoDbContext db,
    Accompaniments accompaniments,
    ReferralPresenter referrals,
    Locales locales,
    AuditTrail audit,
    TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.AccompanimentClose;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (await accompaniments.MineAsync(caller, data.ReferralId, cancellationToken) is not { } mine)
        {
            return TurnResult.Show(NoticeCards.NotAllowed(caller.Culture));
        }

        if (!Vocabulary.Outcomes.Contains(data.Outcome ?? ""))
        {
            return TurnResult.Show(NoticeCards.NotAllowed(caller.Culture));
        }

        int? satisfaction = int.TryParse(data.Satisfaction, out var score) && score is >= 1 and <= 5 ? score : null;
        var now = clock.GetUtcNow();
        mine.Referral.Close(mine.Ap.Id, data.Outcome!, satisfaction, now);
        mine.Assignment.Close();
        audit.Record(caller, "accompaniment.close", AuditTrail.ReferralSubject(mine.Referral.Id));
        await db.SaveChangesAsync(cancellationToken);

        var entries = await db.LogbookEntries.CountAsync(e => e.ReferralId == mine.Referral.Id, cancellationToken);
        var closing = new ClosingView(referrals.ToView(mine.Referral, mine.Ap.Name), mine.Ap.Name, data.Outcome!, satisfaction, entries, now);
        var clinicianCulture = await locales.OfPersonAsync(mine.Referral.ReferrerAadObjectId, cancellationToken);
        var deliveries = await referrals.DeliveriesAsync(mine.Referral, cancellationToken);
        deliveries.Add(new CardDelivery(new Recipient.Person(mine.Referral.ReferrerAadObjectId), $"referral/{mine.Referral.Id:N}/closed",
            ClosingCards.Closed(closing, clinicianCulture), mine.Referral.EstablishmentId));
        deliveries.Add(new CardDelivery(new Recipient.CoordinatorsOf(mine.Referral.EstablishmentId), $"referral/{mine.Referral.Id:N}/closed-channel",
            ClosingCards.Closed(closing, locales.OfEstablishment(mine.Referral.EstablishmentId)), mine.Referral.EstablishmentId));
        return new TurnResult(ClosingCards.Closed(closing, caller.Culture), deliveries);
    }
}
