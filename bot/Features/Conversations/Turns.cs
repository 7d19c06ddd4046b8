using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;
using ParoleOnco.Infrastructure.Telemetry;

namespace ParoleOnco.Features.Conversations;

/// <summary>
/// Runs a turn in one transaction: the handler's changes and the cards they cause for other people are committed
/// together, so a crash can neither lose a message nor send one about a change that did not happen. The transaction
/// begins with the turn's first write (see <see cref="ParoleOncoDbContext.TransactionOnFirstWrite"/>).
/// </summary>
public sealed class Turns(
    TurnRouter router, RouteTable routes, ParoleOncoDbContext db, Outbox outbox, OutboxSignal signal, AuditTrail audit, TurnMetrics metrics)
{
    private const int MaxRuns = 3;

    public Task<TurnResult> CommandAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var word = TurnRouter.CommandWord(request.Text);
        return RunAsync(request, word, routes.CommandName(word), ct => router.CommandAsync(request, ct), cancellationToken);
    }

    public Task<TurnResult> ExecuteAsync(string? verb, TurnRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, verb ?? "", routes.VerbName(verb), ct => router.ExecuteAsync(verb, request, ct), cancellationToken);

    /// <param name="name">The turn as telemetry names it: what the route table knows, never what was typed.</param>
    private async Task<TurnResult> RunAsync(
        TurnRequest request, string action, string name, Func<CancellationToken, Task<TurnResult>> handle, CancellationToken cancellationToken)
    {
        using var timing = metrics.Time(name);
        audit.In(request.Place);
        for (var run = 1; ; run++)
        {
            try
            {
                return await RunOnceAsync(request, action, handle, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (run < MaxRuns)
            {
                // A row the turn read changed before it wrote (a double click, a Teams retry, two coordinators at once):
                // nothing of it was kept; it runs again on what is there now, and shows what the other one decided.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<TurnResult> RunOnceAsync(
        TurnRequest request, string action, Func<CancellationToken, Task<TurnResult>> handle, CancellationToken cancellationToken)
    {
        await using var connection = await db.HoldConnectionAsync(cancellationToken);
        using var firstWrite = db.TransactionOnFirstWrite();
        try
        {
            var result = await handle(cancellationToken);
            if (result.Refused is { } why)
            {
                audit.Refused(request.Caller, action, SubjectOf(request.Data), why);
            }

            outbox.Enqueue(result.Deliveries);
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            if (result.Deliveries.Count > 0)
            {
                signal.Notify();
            }

            return result;
        }
        finally
        {
            if (db.Database.CurrentTransaction is { } unfinished)
            {
                await unfinished.DisposeAsync(); // rolled back: nothing of a failed turn is kept
            }
        }
    }

    /// <summary>What a refused attempt was about, from the ids its card carried (never what the caller typed).</summary>
    private static string SubjectOf(Cards.CardActionData data) =>
        Guid.TryParse(data.ReferralId, out var referral) ? AuditTrail.ReferralSubject(referral)
        : Guid.TryParse(data.ApId, out var ap) ? AuditTrail.ApSubject(ap)
        : Guid.TryParse(data.EscalationId, out var escalation) ? $"escalation:{escalation:N}"
        : data.EstablishmentId is { Length: > 0 and <= 16 } establishment ? $"establishment:{establishment}"
        : "";
}
