using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Nudges;

/// <summary>A person turns the reminders to refer off (for good, until they say otherwise) or back on; audited.</summary>
public sealed class NudgeChoice(ParoleOncoDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string OptOutAction = "nudges.optOut";
    public const string OptInAction = "nudges.optIn";

    public async Task<TurnResult> OptOutAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!await db.NudgeOptOuts.AnyAsync(o => o.AadObjectId == caller.AadObjectId, cancellationToken))
        {
            db.NudgeOptOuts.Add(new NudgeOptOut { AadObjectId = caller.AadObjectId, At = clock.GetUtcNow() });
            audit.Record(caller, OptOutAction, Subject(caller));
        }

        return TurnResult.Show(NudgeCards.OptedOut(caller.Culture));
    }

    public async Task<TurnResult> OptInAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (await db.NudgeOptOuts.SingleOrDefaultAsync(o => o.AadObjectId == caller.AadObjectId, cancellationToken) is { } optOut)
        {
            db.NudgeOptOuts.Remove(optOut);
            audit.Record(caller, OptInAction, Subject(caller));
        }

        return TurnResult.Show(NudgeCards.OptedIn(caller.Culture));
    }

    public async Task<TurnResult> StateAsync(Caller caller, CancellationToken cancellationToken) =>
        TurnResult.Show(await db.NudgeOptOuts.AnyAsync(o => o.AadObjectId == caller.AadObjectId, cancellationToken)
            ? NudgeCards.OptedOut(caller.Culture)
            : NudgeCards.OptedIn(caller.Culture));

    private static string Subject(Caller caller) => $"person:{caller.AadObjectId}";
}

/// <summary><c>nudges.optOut</c>: the button on every digest.</summary>
public sealed class OptOutOfNudges(NudgeChoice choice) : IVerbHandler
{
    public string Verb => CardVerbs.NudgesOptOut;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        choice.OptOutAsync(request.Caller, cancellationToken);
}

/// <summary><c>nudges on</c> / <c>rappels oui</c> turns the reminders back on; <c>off</c> / <c>non</c> turns them off; alone, says which.</summary>
public sealed class NudgesCommand(NudgeChoice choice) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["nudges", "rappels"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        request.Argument?.ToLowerInvariant() switch
        {
            "on" or "oui" => choice.OptInAsync(request.Caller, cancellationToken),
            "off" or "non" => choice.OptOutAsync(request.Caller, cancellationToken),
            _ => choice.StateAsync(request.Caller, cancellationToken),
        };
}
