using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// Plays a Teams client against <c>/api/messages</c>: activities are the payloads a real client sends
/// (Payloads/, recorded from the Agents Playground) with this test's users, places and connector.
/// </summary>
public sealed class TeamsClient(HttpClient http, string serviceUrl, Func<Task> settle)
{
    private readonly TeamsPayloads payloads = new(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads"), serviceUrl);

    /// <summary>Writes to the bot: in a channel, with the @mention that addresses it.</summary>
    public Task SayAsync(TestUser user, string text, Where where) => WriteAsync(user, text, where, mentionBot: true);

    /// <summary>Writes in a channel to the people there, without mentioning the bot.</summary>
    public Task ChatInChannelAsync(TestUser user, string text, Where where) => WriteAsync(user, text, where, mentionBot: false);

    /// <summary>Installs the app (or upgrades or removes it, by <paramref name="action"/>) where the user is.</summary>
    public async Task InstallAsync(TestUser user, Where where, string action = "add")
    {
        var response = await http.PostAsJsonAsync("/api/messages", payloads.InstallationUpdate(user, where, action));
        response.EnsureSuccessStatusCode();
        await settle();
    }

    private async Task WriteAsync(TestUser user, string text, Where where, bool mentionBot)
    {
        var response = await http.PostAsJsonAsync("/api/messages", payloads.Message(user, text, where, mentionBot));
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

    public Task<HttpResponseMessage> SendInvokeAsync(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId) =>
        http.PostAsJsonAsync("/api/messages", payloads.Invoke(user, verb, data, where, clickedMessageId));
}
