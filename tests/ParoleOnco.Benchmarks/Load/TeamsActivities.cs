using System.Text.Json.Nodes;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>
/// Builds the bodies a Teams client posts to <c>/api/messages</c>, from the payloads recorded from the Agents
/// Playground (the conversation tests' Payloads/), stamped with a user, a place and the connector's URL.
/// Bodies are built before a level starts, so the load generator spends no measured time on JSON.
/// </summary>
public sealed class TeamsActivities(string serviceUrl)
{
    private const string BotId = "28:paroleonco-bot";

    private static readonly Dictionary<string, JsonNode> Templates = new[]
    {
        "message-personal", "message-channel-mention", "invoke-action-execute-personal", "invoke-action-execute-channel",
    }.ToDictionary(name => name, name => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json")))!);

    public byte[] Message(BenchUser user, string text, Where where)
    {
        var activity = Template(where is Where.Channel ? "message-channel-mention" : "message-personal");
        activity["text"] = where is Where.Channel ? $"<at>ParoleOnco</at> {text}" : text;
        Stamp(activity, user, where);
        if (where is Where.Channel)
        {
            activity["entities"]![0]!["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ParoleOnco" };
            activity["entities"]![0]!["text"] = "<at>ParoleOnco</at>";
        }

        return Bytes(activity);
    }

    /// <summary>A click on an <c>Action.Execute</c> of the message <paramref name="clickedMessageId"/>.</summary>
    public byte[] Invoke(BenchUser user, string verb, JsonObject data, Where where, string clickedMessageId)
    {
        var activity = Template(where is Where.Channel ? "invoke-action-execute-channel" : "invoke-action-execute-personal");
        Stamp(activity, user, where);
        activity["replyToId"] = clickedMessageId;
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data.DeepClone();
        return Bytes(activity);
    }

    private void Stamp(JsonNode activity, BenchUser user, Where where)
    {
        activity["id"] = Guid.NewGuid().ToString();
        activity["serviceUrl"] = serviceUrl;
        activity["from"] = new JsonObject { ["id"] = user.TeamsId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ParoleOnco" };
        activity["locale"] = user.Locale;
        switch (where)
        {
            case Where.Personal:
                activity["conversation"]!["id"] = user.PersonalConversationId;
                break;
            case Where.Channel channel:
                activity["conversation"]!["id"] = channel.ThreadId;
                activity["channelData"]!["team"] = new JsonObject { ["id"] = channel.TeamId };
                activity["channelData"]!["channel"] = new JsonObject { ["id"] = channel.ChannelId };
                break;
        }
    }

    private static JsonNode Template(string name) => Templates[name].DeepClone();

    private static byte[] Bytes(JsonNode activity) => System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString());
}
