using ParoleOnco.Cards;
using ParoleOnco.Features.Help;

namespace ParoleOnco.Features.Conversations;

/// <summary>
/// Sends a turn to the one handler of its verb or typed command, built for this turn alone. A caller Teams did not
/// identify reaches no handler but help: here, once, rather than in every handler's role check.
/// </summary>
public sealed class TurnRouter(RouteTable routes, IServiceProvider services)
{
    public Task<TurnResult> ExecuteAsync(string? verb, TurnRequest request, CancellationToken cancellationToken) =>
        !request.Caller.IsIdentified ? HelpAsync(request, cancellationToken)
        : routes.VerbHandler(verb) is { } handler ? handler(services).HandleAsync(request, cancellationToken)
        : Task.FromResult(TurnResult.Show(NoticeCards.UnknownCommand(verb ?? "", request.Caller.Culture)));

    /// <summary>The first word names the command; anything unknown gets the help card for the caller's role.</summary>
    public Task<TurnResult> CommandAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsIdentified)
        {
            return HelpAsync(request, cancellationToken);
        }

        return routes.CommandHandler(CommandWord(request.Text))(services).HandleAsync(request, cancellationToken);
    }

    public static string CommandWord(string? text) =>
        (text ?? "").Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private Task<TurnResult> HelpAsync(TurnRequest request, CancellationToken cancellationToken) =>
        routes.Help(services).HandleAsync(request, cancellationToken);
}

/// <summary>
/// The verb table and the command table, read once from the handlers the bot registers. A verb or a command word
/// claimed twice is a startup error (see <see cref="RouteTableCheck"/>), not a silent override. The tables say how to
/// build a handler, not which instance to use: a turn builds the one it needs (building every handler with its
/// dependencies on every turn was a tenth of a turn's allocations).
/// </summary>
public sealed class RouteTable
{
    private static readonly string HelpName = NameOf(nameof(HelpCommand));

    private readonly Dictionary<string, Route<IVerbHandler>> verbs;
    private readonly Dictionary<string, Route<ICommandHandler>> commands;
    private readonly Func<IServiceProvider, ICommandHandler> help;
    private readonly Dictionary<string, string> commandNames;

    public RouteTable(
        IEnumerable<(string Verb, Route<IVerbHandler> Route)> verbRoutes,
        IEnumerable<(string Word, Route<ICommandHandler> Route)> commandRoutes,
        Func<IServiceProvider, ICommandHandler> help)
    {
        verbs = ToTable(verbRoutes, StringComparer.Ordinal, "verb");
        commands = ToTable(commandRoutes, StringComparer.OrdinalIgnoreCase, "command");
        commandNames = commands.ToDictionary(c => c.Key, c => NameOf(c.Value.Handler), StringComparer.OrdinalIgnoreCase);
        this.help = help;
    }

    public IReadOnlyCollection<string> Verbs => verbs.Keys;

    /// <summary>The handlers the bot registers, as a scope builds them; each must also be registered as itself.</summary>
    public static RouteTable Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        return new RouteTable(
            services.GetServices<IVerbHandler>().Select(h => (h.Verb, Route<IVerbHandler>.Of(h.GetType(), services))),
            services.GetServices<ICommandHandler>().SelectMany(h => h.Words.Select(w => (w, Route<ICommandHandler>.Of(h.GetType(), services)))),
            s => s.GetRequiredService<HelpCommand>());
    }

    public Func<IServiceProvider, IVerbHandler>? VerbHandler(string? verb) =>
        verb is not null && verbs.TryGetValue(verb, out var route) ? route.Build : null;

    public Func<IServiceProvider, ICommandHandler> Help => help;

    /// <summary>A card's verb for telemetry: a registered one as is, any other "unknown" (a card's data is the caller's).</summary>
    public string VerbName(string? verb) => verb is not null && verbs.ContainsKey(verb) ? verb : "unknown";

    /// <summary>A typed command for telemetry, by its handler ("refer" for refer and référer alike; "help" for anything else).</summary>
    public string CommandName(string word) => commandNames.GetValueOrDefault(word, HelpName);

    public Func<IServiceProvider, ICommandHandler> CommandHandler(string word) =>
        commands.TryGetValue(word, out var route) ? route.Build : help;

    /// <summary>Named once here, not on every turn: <c>ReferCommand</c> is "refer".</summary>
    private static string NameOf(string handler) =>
        (handler.EndsWith("Command", StringComparison.Ordinal) ? handler[..^"Command".Length] : handler).ToLowerInvariant();

    private static Dictionary<string, Route<T>> ToTable<T>(IEnumerable<(string Key, Route<T> Route)> entries, StringComparer comparer, string kind)
        where T : class
    {
        var table = new Dictionary<string, Route<T>>(comparer);
        foreach (var (key, route) in entries)
        {
            if (!table.TryAdd(key, route))
            {
                throw new InvalidOperationException($"The {kind} '{key}' is handled by both {table[key].Handler} and {route.Handler}.");
            }
        }

        return table;
    }
}

/// <summary>A handler by name (for the startup error) and how a turn's services build it.</summary>
public sealed record Route<T>(string Handler, Func<IServiceProvider, T> Build)
    where T : class
{
    /// <param name="scope">A scope of the bot's services: a handler it cannot build by its type stops the bot at startup.</param>
    public static Route<T> Of(Type handler, IServiceProvider scope) => scope.GetService(handler) is null
        ? throw new InvalidOperationException($"{handler.Name} handles turns but is not registered as itself: register it with AddVerb or AddCommand.")
        : new(handler.Name, services => (T)services.GetRequiredService(handler));
}

/// <summary>
/// Builds the route tables at startup so a duplicate verb or command, or a handler registered wrongly, stops the bot
/// before it takes traffic.
/// </summary>
internal sealed class RouteTableCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<RouteTable>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
