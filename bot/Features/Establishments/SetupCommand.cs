using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Establishments;

/// <summary><c>setup</c>: an admin, in a team channel, picks the establishment whose coordinators work there.</summary>
public sealed class SetupCommand(EstablishmentCatalog establishments, Roles roles) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["setup", "configurer"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;
        var card = request.Place.Kind != PlaceKind.Channel ? NoticeCards.SetupOnlyInChannel(culture)
            : !roles.IsAdmin(request.Caller) ? NoticeCards.SetupRefused(culture)
            : SetupCards.ChooseEstablishment(establishments.Options, culture);
        return Task.FromResult(TurnResult.Show(card));
    }
}
