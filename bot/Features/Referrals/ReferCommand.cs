using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>refer</c>: the referral form, in the clinician's 1:1 chat.</summary>
public sealed class ReferCommand(EstablishmentCatalog establishments) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["refer", "référer", "referer"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;
        if (request.Place.Kind != PlaceKind.Personal)
        {
            return Task.FromResult(TurnResult.Show(NoticeCards.NotAllowed(culture)));
        }

        // A new form id per form shown: a double click or a Teams retry of this form then creates one referral.
        var form = new FormView(Guid.NewGuid().ToString("N"), establishments.Options, new CardActionData(), new Dictionary<string, string>());
        return Task.FromResult(TurnResult.Show(ReferralCards.Form(form, culture)));
    }
}
