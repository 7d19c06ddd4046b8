using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Delivery;

/// <summary><c>parked</c>: to an admin in their 1:1 chat, the messages and reminders set aside after failing again and again.</summary>
public sealed class ParkedCommand(Roles roles, ParkedWork parked) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["parked", "bloqués", "bloques"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!roles.IsAdmin(caller) || request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(caller.Culture, roles.IsAdmin(caller) ? Refusals.WrongPlace : Refusals.NotAdmin);
        }

        return TurnResult.Show(ParkedCards.List(await parked.ListAsync(cancellationToken), caller.Culture));
    }
}
