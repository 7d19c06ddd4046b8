using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Logbook;

/// <summary><c>logbook</c>: the AP's active patients, to write an entry for one of them or end an accompaniment.</summary>
public sealed class LogbookCommand(Roles roles, Accompaniments accompaniments, LogbookPresenter presenter) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["logbook", "journal"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var ap = await roles.ApAsync(caller, cancellationToken);
        if (request.Place.Kind != PlaceKind.Personal || ap is not { Status: Onboarding.ApStatus.Approved })
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotApprovedAp);
        }

        var mine = await accompaniments.AllMineAsync(ap, cancellationToken);
        return TurnResult.Show(LogbookCards.PickAccompaniment(await presenter.AccompanimentsAsync(mine, ap.Name, cancellationToken), caller.Culture));
    }
}
