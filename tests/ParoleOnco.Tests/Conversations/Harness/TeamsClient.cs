using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// Plays a Teams client against <c>/api/messages</c>: activities are the payloads a real client sends
/// (Payloads/, recorded from the Agents Playground) with this test's users, places and connector.
/// </summary>
public sealed class TeamsClient(HttpClient http, string serviceUrl, Func<Task> settle)
{
    private const string BotId = "28:paroleonco-bot";

    /// <summary>Writes to the bot: in a channel, with the @mention that addresses it.</summary>
    public Task SayAsync(TestUser user, string text, Where where) => WriteAsync(user, text, where, mentionBot: true);

    /// <summary>Writes in a channel to the people there, without mentioning the bot.</summary>
    public Task ChatInChannelAsync(TestUser user, string text, Where where) => WriteAsync(user, text, where, mentionBot: false);

    private async Task WriteAsync(TestUser user, string text, Where where, bool mentionBot)
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

        var response = await http.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        await settle();
    }

    /// <summary>
    /// Clicks an <c>Action.Execute</c>; returns the card the bot answers with, which replaces the clicked one,
    /// once the cards it sent other people are delivered.
    /// </summary>
    public async Task<JsonNode> ClickAsync(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId)
    {
        var response = await SendInvokeAsync(user, verb, data, where, clickedMessageId);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        await settle();
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!;
    }

    public Task<HttpResponseMessage> SendInvokeAsync(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId)
    {
        var activity = Template(where is Where.Channel ? "invoke-action-execute-channel" : "invoke-action-execute-personal");
        Stamp(activity, user, where);
        activity["replyToId"] = clickedMessageId;
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data.DeepClone();
        return http.PostAsJsonAsync("/api/messages", activity);
    }

    private void Stamp(JsonNode activity, TestUser user, Where where)
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

    private static JsonNode Template(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads", name + ".json")))!;
}
