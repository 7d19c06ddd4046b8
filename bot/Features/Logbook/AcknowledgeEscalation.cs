using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary><c>escalation.acknowledge</c>: a coordinator of the establishment takes the alert; everyone sees who and when.</summary>
public sealed class AcknowledgeEscalation(
    ParoleOncoDbContext db, Roles roles, LogbookPresenter presenter, Locales locales, AuditTrail audit, TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.EscalationAcknowledge;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var escalation = Guid.TryParse(request.Data.EscalationId, out var id) ? await db.Escalations.FindAsync([id], cancellationToken) : null;
        if (escalation is null || !await roles.IsCoordinatorAsync(escalation.EstablishmentId, caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        if (!escalation.IsAcknowledged)
        {
            escalation.Acknowledge(caller.AadObjectId, caller.Name, clock.GetUtcNow());
            audit.Record(caller, "escalation.acknowledge", AuditTrail.ReferralSubject(escalation.ReferralId));
            await db.SaveChangesAsync(cancellationToken); // another coordinator at the same moment: the turn runs again and shows theirs
        }

        var deliveries = await EscalationDeliveries.AllAsync(escalation, presenter, locales, cancellationToken);
        return new TurnResult(deliveries[^1].Card, deliveries);
    }
}
