using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Teams;

/// <summary>The Bot Framework adapter, with the single error handler for every turn.</summary>
public sealed partial class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, turnContext.Activity.Type, exception.GetType().Name);
            var culture = Caller.CultureFor(turnContext.Activity.Locale);
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                // Answer the click itself with a message: Teams shows it over the card and leaves the card as it was,
                // with what was typed in it, ready to send again. Nothing is posted for everyone.
                await turnContext.SendActivityAsync(new Activity
                {
                    Type = ActivityTypesEx.InvokeResponse,
                    Value = new InvokeResponse { Status = 200, Body = CardAttachments.ToInvokeMessage(NoticeCards.ErrorMessage(culture)) },
                });
                return;
            }

            await turnContext.SendActivityAsync(CardAttachments.ToMessage(NoticeCards.Error(culture)));
        };
    }

    // The type only: messages and stacks of database or connector exceptions may quote patient data.
    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed: {ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, string exceptionType);
}
