using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ParoleOnco.Features.Audit;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Benchmarks.Hosting;

/// <summary>
/// The floor of a turn that keeps something: the echo, after saving one audit entry through the bot's own database
/// context (its options, interceptors and SQLite write gate). What a verb costs above this is the verb's own work.
/// </summary>
public sealed class SavingEchoBot(ParoleOncoDbContext db, TimeProvider clock) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorAadObjectId = turnContext.Activity.From.AadObjectId,
            Action = "echo",
            Subject = "echo",
        });
        await db.SaveChangesAsync(cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken: cancellationToken);
    }
}
