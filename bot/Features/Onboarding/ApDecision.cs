using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>
/// <c>ap.approve</c> and <c>ap.reject</c>: a coordinator of the AP's establishment decides once; the AP is told
/// proactively, and everyone in the channel sees who decided.
/// </summary>
public sealed class ApDecision(
    ParoleOncoDbContext db, Roles roles, ApPresenter presenter, Locales locales, AuditTrail audit, TimeProvider clock)
{
    public async Task<TurnResult> DecideAsync(TurnRequest request, bool approve, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var ap = Guid.TryParse(request.Data.ApId, out var id) ? await db.AccompanyingPatients.FindAsync([id], cancellationToken) : null;
        if (ap is null || !await roles.IsCoordinatorAsync(ap.EstablishmentId, caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        if (ap.Status != ApStatus.Pending)
        {
            return await ApprovalCardAsync(ap, [], cancellationToken);
        }

        if (approve)
        {
            ap.Approve(caller.Name, clock.GetUtcNow());
        }
        else
        {
            ap.Reject(caller.Name, clock.GetUtcNow());
        }

        audit.Record(caller, approve ? "ap.approve" : "ap.reject", AuditTrail.ApSubject(ap.Id));
        await db.SaveChangesAsync(cancellationToken);

        return await ApprovalCardAsync(ap, await ToldAsync(ap, approve, cancellationToken), cancellationToken);
    }

    private async Task<TurnResult> ApprovalCardAsync(AccompanyingPatient ap, IReadOnlyList<CardDelivery> deliveries, CancellationToken cancellationToken)
    {
        var inChannel = await presenter.ApprovalDeliveryAsync(ap, cancellationToken);
        return new TurnResult(inChannel.Card, [inChannel, .. deliveries]);
    }

    private async Task<IReadOnlyList<CardDelivery>> ToldAsync(AccompanyingPatient ap, bool approved, CancellationToken cancellationToken)
    {
        var culture = await locales.OfPersonAsync(ap.AadObjectId, cancellationToken);
        var to = new Recipient.Person(ap.AadObjectId);
        var notice = approved ? NoticeCards.ApApproved(culture) : NoticeCards.ApRejected(culture);
        return
        [
            new(to, MessageKeys.ApProfile(ap.Id), await presenter.ProfileCardAsync(ap, culture, cancellationToken), ap.EstablishmentId),
            new(to, MessageKeys.ApDecision(ap.Id), notice, ap.EstablishmentId),
        ];
    }
}

/// <summary><c>ap.approve</c>.</summary>
public sealed class ApproveAp(ApDecision decision) : IVerbHandler
{
    public string Verb => CardVerbs.ApApprove;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        decision.DecideAsync(request, approve: true, cancellationToken);
}

/// <summary><c>ap.reject</c>.</summary>
public sealed class RejectAp(ApDecision decision) : IVerbHandler
{
    public string Verb => CardVerbs.ApReject;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        decision.DecideAsync(request, approve: false, cancellationToken);
}
