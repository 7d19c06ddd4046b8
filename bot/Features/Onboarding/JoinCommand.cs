using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Onboarding;

/// <summary><c>join</c>: the AP registration form, or the AP's profile if they already registered.</summary>
public sealed class JoinCommand(EstablishmentCatalog establishments, Roles roles, ApPresenter presenter) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["join", "inscription"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;
        if (request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(culture, Refusals.WrongPlace);
        }

        if (await roles.ApAsync(request.Caller, cancellationToken) is { } ap)
        {
            return new TurnResult(await presenter.ProfileCardAsync(ap, culture, cancellationToken), [], MessageKeys.ApProfile(ap.Id));
        }

        var form = new FormView(Guid.NewGuid().ToString("N"), establishments.Options, new CardActionData(), new Dictionary<string, string>());
        return TurnResult.Show(ApCards.RegistrationForm(form, culture));
    }
}
