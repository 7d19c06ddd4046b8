using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>refer</c>: the referral form, in the clinician's 1:1 chat.</summary>
public sealed class ReferCommand(EstablishmentCatalog establishments, Roles roles) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["refer", "référer", "referer"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;

        // Refused here, as referral.submit would refuse it, before anyone fills a form for nothing.
        if (request.Place.Kind != PlaceKind.Personal || await roles.IsApprovedApAsync(request.Caller, cancellationToken))
        {
            return TurnResult.NotAllowed(culture, Refusals.NotClinician);
        }

        // A new form id per form shown: a double click or a Teams retry of this form then creates one referral.
        var form = new FormView(
            Guid.NewGuid().ToString("N"), establishments.Options, new CardActionData(), new Dictionary<string, string>(), establishments.ReferralCancerTypes);
        return TurnResult.Show(ReferralCards.Form(form, culture));
    }
}
