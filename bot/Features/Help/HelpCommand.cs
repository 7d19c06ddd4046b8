using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Help;

/// <summary>
/// <c>help</c>: what the caller can do, by role, and what an AP is and is not. Role confusion is the first
/// barrier the program's APs reported, so every role gets the same explanation.
/// </summary>
public sealed class HelpCommand(Roles roles) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["help", "aide", "?"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var audience = await roles.AudienceAsync(request.Caller, request.Place, cancellationToken);
        return TurnResult.Show(HelpCards.ForAudience(audience, request.Caller.Culture));
    }
}
