using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ParoleOnco.Benchmarks.Hosting;

/// <summary>The floor: a bare Bot Framework turn that answers a message with a text, through the same adapter and connector.</summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken: cancellationToken);
}
