using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>queue</c>: in a coordinators' channel, the referrals waiting for a match, oldest first.</summary>
public sealed class QueueCommand(ParoleOncoDbContext db, Roles roles, ReferralPresenter presenter, AuditTrail audit) : ICommandHandler
{
    // Not "file" in French: `file CODE` is the patient's file sheet in both languages.
    public IReadOnlyList<string> Words => ["queue", "attente"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var establishments = await roles.EstablishmentsCoordinatedHereAsync(request.Place, caller, cancellationToken);
        if (establishments.Count == 0)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        var open = await db.Referrals.AsNoTracking()
            .Where(r => establishments.Contains(r.EstablishmentId) && r.Status == ReferralStatus.Submitted)
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync(cancellationToken);
        foreach (var referral in open)
        {
            audit.Record(caller, "referral.read", AuditTrail.ReferralSubject(referral.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TurnResult.Show(ReferralCards.Queue([.. open.Select(r => presenter.ToView(r, null))], caller.Culture));
    }
}
