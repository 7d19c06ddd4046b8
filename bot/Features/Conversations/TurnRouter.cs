using ParoleOnco.Cards;
using ParoleOnco.Features.Help;

namespace ParoleOnco.Features.Conversations;

/// <summary>
/// The verb table and the command table. A verb or a command word claimed twice is a startup error
/// (see <see cref="RouteTableCheck"/>), not a silent override.
/// </summary>
public sealed class TurnRouter
{
    private readonly Dictionary<string, IVerbHandler> verbs;
    private readonly Dictionary<string, ICommandHandler> commands;
    private readonly HelpCommand help;

    public TurnRouter(IEnumerable<IVerbHandler> verbHandlers, IEnumerable<ICommandHandler> commandHandlers, HelpCommand help)
    {
        verbs = ToTable(verbHandlers.Select(h => (h.Verb, h)), StringComparer.Ordinal, "verb");
        commands = ToTable(commandHandlers.SelectMany(h => h.Words.Select(w => (w, h))), StringComparer.OrdinalIgnoreCase, "command");
        this.help = help;
    }

    public IReadOnlyCollection<string> Verbs => verbs.Keys;

    public Task<TurnResult> ExecuteAsync(string? verb, TurnRequest request, CancellationToken cancellationToken) =>
        verb is not null && verbs.TryGetValue(verb, out var handler)
            ? handler.HandleAsync(request, cancellationToken)
            : Task.FromResult(TurnResult.Show(NoticeCards.UnknownCommand(verb ?? "", request.Caller.Culture)));

    /// <summary>The first word names the command; anything unknown gets the help card for the caller's role.</summary>
    public Task<TurnResult> CommandAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var word = (request.Text ?? "").Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var handler = commands.GetValueOrDefault(word) ?? help;
        return handler.HandleAsync(request, cancellationToken);
    }

    private static Dictionary<string, T> ToTable<T>(IEnumerable<(string Key, T Handler)> entries, StringComparer comparer, string kind)
    {
        var table = new Dictionary<string, T>(comparer);
        foreach (var (key, handler) in entries)
        {
            if (!table.TryAdd(key, handler))
            {
                throw new InvalidOperationException($"The {kind} '{key}' is handled by both {table[key]!.GetType().Name} and {handler!.GetType().Name}.");
            }
        }

        return table;
    }
}

/// <summary>Builds the route tables once at startup so a duplicate verb or command stops the bot before it takes traffic.</summary>
internal sealed class RouteTableCheck(IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<TurnRouter>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
