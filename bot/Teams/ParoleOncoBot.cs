using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Onboarding;
using Place = ParoleOnco.Features.Conversations.Place;

namespace ParoleOnco.Teams;

/// <summary>
/// The thin Teams edge: turns activities into plain requests for the router and answers with the card it returns.
/// Cards for other people went to the outbox with the turn's changes. No program rule lives here.
/// </summary>
public sealed partial class ParoleOncoBot(
    Turns turns,
    ConversationStore conversations,
    PostedCards postedCards,
    DeliveryLimits limits,
    BotIdentity bot,
    ILogger<ParoleOncoBot> logger,
    IServiceProvider services) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Another tenant's activity is refused here, in the turn, rather than with a 403 at the HTTP edge: the tenant is
        // read from the body, which only the adapter's check of the Bot Connector's token makes trustworthy, and that
        // check runs after the edge's filters. The HTTP caller is the connector, not the person: a message is dropped
        // as chatter is, with nothing saved, not even the conversation's reference, so the bot never writes there.
        if (TenantGate.IsFromAnotherTenant(turnContext.Activity, bot.TenantId))
        {
            await RefuseAnotherTenantAsync(turnContext, cancellationToken);
            return;
        }

        // With ChannelMessage.Read.Group (to find its own cards through Graph), Teams sends the bot every channel
        // message: it takes in only those addressed to it, as before.
        if (IsChatterNotForTheBot(turnContext.Activity))
        {
            return;
        }

        await conversations.RememberAsync(turnContext.Activity, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = ActivityOf(turnContext);
        var text = activity.RemoveRecipientMention() ?? activity.Text;
        var request = new TurnRequest(CallerOf(activity), PlaceOf(activity), new CardActionData(), text?.Trim());
        var result = await turns.CommandAsync(request, cancellationToken);
        await limits.WaitForAppAsync(cancellationToken); // a reply is a request to the connector like any other
        var sent = await turnContext.SendActivityAsync(CardAttachments.ToMessage(result.Reply), cancellationToken);
        if (result.ReplyKey is not null && sent?.Id is not null)
        {
            await postedCards.RememberAsync(result.ReplyKey, activity.Conversation.Id, sent.Id, cancellationToken);
        }
    }

    /// <summary>An invoke must be answered: a 403, with no card, so the client shows the click failed.</summary>
    private async Task RefuseAnotherTenantAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        LogAnotherTenant(logger, activity.Type, activity.Conversation?.TenantId ?? "");
        if (activity.Type == ActivityTypes.Invoke)
        {
            await turnContext.SendActivityAsync(
                new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = StatusCodes.Status403Forbidden } },
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} activity of tenant '{TenantId}' was refused: the bot serves its MicrosoftAppTenantId alone")]
    private static partial void LogAnotherTenant(ILogger logger, string activityType, string tenantId);

    private static bool IsChatterNotForTheBot(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && activity.Conversation?.ConversationType is not "personal"
        && !activity.GetMentions().Any(m => m.Mentioned?.Id == activity.Recipient?.Id);

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var activity = ActivityOf(turnContext);
        var request = new TurnRequest(CallerOf(activity), PlaceOf(activity), ActionData.Read(invokeValue.Action?.Data));
        var result = await turns.ExecuteAsync(invokeValue.Action?.Verb, request, cancellationToken);

        // The reply replaces the clicked card; remember that message when later changes must update it.
        if (result.ReplyKey is not null && activity.ReplyToId is { Length: > 0 } clickedId)
        {
            await postedCards.RememberAsync(result.ReplyKey, activity.Conversation.Id, clickedId, cancellationToken);
        }

        return CardAttachments.ToInvokeResponse(result.Reply);
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // "add-upgrade" is a new version of an app people have already been greeted by.
        var activity = ActivityOf(turnContext);
        if (activity.Action != "add")
        {
            return;
        }

        // In a 1:1 chat, what the bot does for this person, so nobody has to guess what an AP is; in a team, what it does
        // for coordinators, setup included.
        Cards.Model.AdaptiveCard? welcome = activity.Conversation.ConversationType switch
        {
            "personal" => (await turns.CommandAsync(new TurnRequest(CallerOf(activity), PlaceOf(activity), new CardActionData(), "help"), cancellationToken)).Reply,
            "channel" => HelpCards.ForAudience(Audience.Coordinator, CallerOf(activity).Culture),
            _ => null,
        };
        if (welcome is not null)
        {
            await limits.WaitForAppAsync(cancellationToken); // an organisation-wide install greets many people at once
            await turnContext.SendActivityAsync(CardAttachments.ToMessage(welcome), cancellationToken);
        }

        // The bot may have installed the app for this person itself, to deliver what waits for them (an invitation): the
        // chat exists now, so that goes at once.
        if (activity.Conversation.ConversationType == "personal" && activity.From.AadObjectId is { Length: > 0 } person
            && await services.GetRequiredService<Outbox>().DueNowForAsync(person, cancellationToken) > 0)
        {
            services.GetRequiredService<OutboxSignal>().Notify();
        }
    }

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // "remove-upgrade" belongs to a new version of the app: the bot stays where it was.
        var activity = ActivityOf(turnContext);
        if (activity.Action != "remove")
        {
            return;
        }

        // Built here, not with the bot: the bot is built for every activity, and removals are rare.
        if (activity.Conversation.ConversationType == "personal")
        {
            await services.GetRequiredService<Pausing>().PauseOnLeavingAsync(CallerOf(activity), cancellationToken);
        }
        else if (activity.Conversation.ConversationType == "channel" && activity.TeamsGetTeamInfo()?.Id is { } teamId)
        {
            await services.GetRequiredService<TeamRemoval>().ForgetAsync(teamId, CallerOf(activity), cancellationToken);
        }
    }

    // The typed views of an activity hide the properties shared by all types (locale, channel data).
    private static Activity ActivityOf(ITurnContext turnContext) => turnContext.Activity;

    // From.Id is a Teams id, never an Entra object id: taking it for one could match an admin, a coordinator or an AP.
    private static Caller CallerOf(Activity activity) => activity.From.AadObjectId is { Length: > 0 } aadObjectId
        ? new Caller(aadObjectId, activity.From.Name ?? "", Caller.CultureFor(activity.Locale))
        : Caller.Unidentified(activity.From.Name ?? "", Caller.CultureFor(activity.Locale));

    private static Place PlaceOf(Activity activity)
    {
        var channelData = activity.GetChannelData<TeamsChannelData>();
        var kind = activity.Conversation.ConversationType switch
        {
            "channel" => PlaceKind.Channel,
            "groupChat" => PlaceKind.GroupChat,
            _ => PlaceKind.Personal,
        };
        return new Place(kind, activity.Conversation.Id, channelData?.Team?.Id, channelData?.Channel?.Id, activity.ReplyToId);
    }
}
