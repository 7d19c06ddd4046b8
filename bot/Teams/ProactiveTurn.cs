using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace ParoleOnco.Teams;

/// <summary>
/// Runs work in a conversation the bot was not called in. The adapter hands a failure inside such a turn to its
/// turn error handler and returns normally; here the failure comes back to the caller, which decides to retry.
/// </summary>
public sealed class ProactiveTurn(CloudAdapter adapter, BotIdentity bot)
{
    public async Task RunAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(bot.AppId, reference, async (turn, ct) =>
        {
            try
            {
                await work(turn, ct);
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, cancellationToken);
        failure?.Throw();
    }
}
