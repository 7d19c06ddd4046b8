using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Community;

/// <summary><c>tip</c> (<c>astuce</c>): the tip form, for an approved AP in their chat with the bot.</summary>
public sealed class TipCommand(Roles roles) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["tip", "astuce"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        await Tips.SharerAsync(roles, request, cancellationToken) is null
            ? Tips.NotOffered(request.Caller)
            : TurnResult.Show(CommunityCards.TipForm(new TipFormView(Tips.NewFormId()), request.Caller.Culture));
}
