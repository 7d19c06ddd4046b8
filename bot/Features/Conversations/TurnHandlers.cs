namespace ParoleOnco.Features.Conversations;

/// <summary>Handles one card action, named by its <c>Action.Execute</c> verb.</summary>
public interface IVerbHandler
{
    string Verb { get; }

    Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken);
}

/// <summary>Handles one typed command, in each language it can be typed in.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Words { get; }

    Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken);
}
