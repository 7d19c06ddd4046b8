using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Community;

/// <summary>
/// <c>tip.hide</c>: a coordinator (of any establishment: the community is every establishment's) hides a tip. Its
/// text leaves the database and the channel's card, which says who hid it and when.
/// </summary>
public sealed class HideTip(
    ParoleOncoDbContext db, Roles roles, EstablishmentCatalog establishments, AuditTrail audit, TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.TipHide;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (!await roles.IsCoordinatorOfAnyAsync(caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        var tip = Guid.TryParseExact(data.TipId, "N", out var id) ? await db.Tips.FindAsync([id], cancellationToken) : null;
        var ap = tip is null ? null : await db.AccompanyingPatients.FindAsync([tip.ApId], cancellationToken);
        if (tip is null || ap is null)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        var hiddenNow = !tip.IsHidden;
        if (hiddenNow)
        {
            tip.Hide(caller.AadObjectId, caller.Name, clock.GetUtcNow());
            audit.Record(caller, CardVerbs.TipHide, Tips.Subject(tip.Id));
            await db.SaveChangesAsync(cancellationToken);
        }

        var card = CommunityCards.InChannel(Tips.View(tip, ap, establishments, new DecisionView(tip.HiddenByName!, tip.HiddenAt!.Value)), caller.Culture);

        // The clicked card changes for the clicker at once; the channel's message is updated for everyone else.
        return new TurnResult(card, hiddenNow ? [Tips.ToChannel(tip, card)] : []);
    }
}
