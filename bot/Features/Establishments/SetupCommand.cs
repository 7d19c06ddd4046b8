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
        return Task.FromResult(ChannelSetup.Allows(request, roles, out _, out var refusal)
            ? TurnResult.Show(SetupCards.ChooseEstablishment(establishments.Options, request.Caller.Culture))
            : refusal);
    }
}
