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
            // The type only: messages of database or connector exceptions may quote patient data.
            LogTurnFailed(logger, exception, turnContext.Activity.Type, exception.GetType().Name);
            if (turnContext.Activity.Type == ActivityTypes.Event)
            {
                return; // a proactive turn: nobody is waiting for an answer, and its caller handles the failure
            }

            var card = NoticeCards.Error(Caller.CultureFor(turnContext.Activity.Locale));
            await turnContext.SendActivityAsync(CardAttachments.ToMessage(card));
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed: {ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string exceptionType);
}
