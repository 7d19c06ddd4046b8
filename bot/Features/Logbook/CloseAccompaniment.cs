using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// <c>accompaniment.close</c>: the AP ends an accompaniment with its outcome; their capacity is free again, the
/// clinician and the coordinators are told, and the AP's assignment card no longer shows the phone. A second click
/// shows the closing already made.
/// </summary>
public sealed class CloseAccompaniment(
    ParoleOncoDbContext db,
    Roles roles,
    Accompaniments accompaniments,
    ReferralPresenter referrals,
    LogbookPresenter logbook,
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
            return await AlreadyClosedAsync(caller, data.ReferralId, cancellationToken) ?? TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        if (!Vocabulary.Outcomes.Contains(data.Outcome ?? ""))
        {
            // The card requires an outcome; a client that lets it through gets the form back, choices kept.
            var active = await accompaniments.AllMineAsync(mine.Ap, cancellationToken);
            var all = await logbook.AccompanimentsAsync(active, mine.Ap.Name, cancellationToken);
            var errors = new Dictionary<string, string> { ["outcome"] = string.IsNullOrEmpty(data.Outcome) ? "required" : "invalidChoice" };
            return TurnResult.Show(LogbookCards.CloseForm(new CloseFormView(all, data, errors), caller.Culture));
        }

        int? satisfaction = int.TryParse(data.Satisfaction, out var score) && score is >= 1 and <= 5 ? score : null;
        mine.Referral.Close(mine.Ap.Id, data.Outcome!, satisfaction, clock.GetUtcNow());
        mine.Assignment.Close();
        audit.Record(caller, "accompaniment.close", AuditTrail.ReferralSubject(mine.Referral.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await AlreadyClosedAsync(caller, data.ReferralId, cancellationToken) ?? throw new InvalidOperationException("Closing failed and nothing was closed.");
        }

        var closing = await ClosingAsync(mine.Referral, mine.Ap.Name, cancellationToken);
        var clinicianCulture = await locales.OfPersonAsync(mine.Referral.ReferrerAadObjectId, cancellationToken);
        var deliveries = await referrals.DeliveriesAsync(mine.Referral, cancellationToken);
        deliveries.Add(await referrals.AssignmentDeliveryAsync(mine.Referral, mine.Assignment, cancellationToken));
        deliveries.Add(new CardDelivery(new Recipient.Person(mine.Referral.ReferrerAadObjectId), MessageKeys.Closing(mine.Referral.Id),
            ClosingCards.Closed(closing, clinicianCulture), mine.Referral.EstablishmentId));
        deliveries.Add(new CardDelivery(new Recipient.CoordinatorsOf(mine.Referral.EstablishmentId), MessageKeys.ClosingInChannel(mine.Referral.Id),
            ClosingCards.Closed(closing, locales.OfEstablishment(mine.Referral.EstablishmentId)), mine.Referral.EstablishmentId));
        return new TurnResult(ClosingCards.Closed(closing, caller.Culture), deliveries);
    }

    private async Task<TurnResult?> AlreadyClosedAsync(Caller caller, string? referralId, CancellationToken cancellationToken)
    {
        var ap = await roles.ApAsync(caller, cancellationToken);
        var referral = ap is not null && Guid.TryParse(referralId, out var id) ? await db.Referrals.FindAsync([id], cancellationToken) : null;
        return referral is { Status: ReferralStatus.Closed } && referral.ApId == ap!.Id
            ? TurnResult.Show(ClosingCards.Closed(await ClosingAsync(referral, ap.Name, cancellationToken), caller.Culture))
            : null;
    }

    private async Task<ClosingView> ClosingAsync(Referral referral, string apName, CancellationToken cancellationToken)
    {
        var entries = await db.LogbookEntries.CountAsync(e => e.ReferralId == referral.Id, cancellationToken);
        return new ClosingView(referrals.ToView(referral, apName), apName, referral.Outcome!, referral.Satisfaction, entries, referral.ClosedAt!.Value);
    }
}
