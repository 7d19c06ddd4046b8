using System.Text.Json.Nodes;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The bodies a Teams client posts to <c>/api/messages</c>, from the payloads recorded from the Agents Playground
/// (<c>Conversations/Payloads/</c>), stamped with a user, a place and the connector's URL. Shared with the latency
/// benchmark, which links this file.
/// </summary>
public sealed class TeamsPayloads(string payloadFolder, string serviceUrl)
{
    public const string BotId = "28:paroleonco-bot";

    /// <summary>The tenant the recorded payloads name.</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    /// <summary>A message to the bot; in a channel, with the @mention that addresses it unless <paramref name="mentionBot"/> is false.</summary>
    public JsonNode Message(TestUser user, string text, Where where, bool mentionBot = true)
    {
        var activity = Template(where is Where.Channel ? "message-channel-mention" : "message-personal");
        activity["text"] = where is Where.Channel && mentionBot ? $"<at>ParoleOnco</at> {text}" : text;
        Stamp(activity, user, where);
        if (where is Where.Channel && !mentionBot)
        {
            activity["entities"]!.AsArray().RemoveAt(0); // the mention; the client's info stays
        }
        else if (where is Where.Channel)
        {
            activity["entities"]![0]!["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ParoleOnco" };
            activity["entities"]![0]!["text"] = "<at>ParoleOnco</at>";
        }

        return activity;
    }

    /// <summary>A click on an <c>Action.Execute</c> of the message <paramref name="clickedMessageId"/>.</summary>
    public JsonNode Invoke(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId)
    {
        var activity = Template(where is Where.Channel ? "invoke-action-execute-channel" : "invoke-action-execute-personal");
        Stamp(activity, user, where);
        activity["replyToId"] = clickedMessageId;
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data.DeepClone();
        return activity;
    }

    /// <summary>The app added (<c>add</c>), upgraded (<c>add-upgrade</c>) or removed in a 1:1 chat or a team.</summary>
    public JsonNode InstallationUpdate(TestUser user, Where where, string action)
    {
        var activity = Template(where is Where.Channel ? "installationUpdate-team" : "installationUpdate-personal");
        Stamp(activity, user, where);
        if (where is Where.Channel channel)
        {
            activity["conversation"]!["id"] = channel.ChannelId; // the channel itself, not a thread in it
        }

        activity["action"] = action;
        return activity;
    }

    private void Stamp(JsonNode activity, TestUser user, Where where)
    {
        activity["id"] = Guid.NewGuid().ToString();
        activity["serviceUrl"] = serviceUrl;
        activity["from"] = new JsonObject { ["id"] = user.TeamsId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ParoleOnco" };
        activity["locale"] = user.Locale;
        StampTenant(activity, user.TenantId);
        switch (where)
        {
            case Where.Personal:
                activity["conversation"]!["id"] = user.PersonalConversationId;
                break;
            case Where.GroupChat chat:
                // A group chat's activities are a personal chat's with another conversation type (Payloads/ has no group chat invoke).
                activity["conversation"]!["id"] = chat.ConversationId;
                activity["conversation"]!["conversationType"] = "groupChat";
                activity["conversation"]!["isGroup"] = true;
                break;
            case Where.Channel channel:
                activity["conversation"]!["id"] = channel.ThreadId;
                activity["channelData"]!["team"] = new JsonObject { ["id"] = channel.TeamId };
                activity["channelData"]!["channel"] = new JsonObject { ["id"] = channel.ChannelId };
                break;
        }
    }

    /// <summary>The user's tenant, in both places Teams names it; none at all when it is empty.</summary>
    private static void StampTenant(JsonNode activity, string tenantId)
    {
        var conversation = activity["conversation"]!.AsObject();
        var channelData = activity["channelData"]!.AsObject();
        if (tenantId.Length == 0)
        {
            conversation.Remove("tenantId");
            channelData.Remove("tenant");
            return;
        }

        conversation["tenantId"] = tenantId;
        channelData["tenant"] = new JsonObject { ["id"] = tenantId };
    }

    private JsonNode Template(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(payloadFolder, name + ".json")))!;
}
