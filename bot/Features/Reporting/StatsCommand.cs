using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Features.Reporting;

/// <summary><c>stats</c> (<c>statistiques</c>): the figures card, this month.</summary>
public sealed class StatsCommand(StatsBoard board) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["stats", "statistiques"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) => board.ShowAsync(request, cancellationToken);
}

/// <summary><c>stats.show</c>: the same card for the period and establishment picked on it.</summary>
public sealed class ShowStats(StatsBoard board) : IVerbHandler
{
    public string Verb => CardVerbs.StatsShow;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) => board.ShowAsync(request, cancellationToken);
}
