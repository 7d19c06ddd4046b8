using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Who may post to /api/messages: anyone locally without an app id, only the Bot Service with one.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task With_an_app_id_the_bot_refuses_activities_without_a_token()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], appId: "3f1c2b7e-1111-4a4a-9c9c-123456789abc");
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads", "message-personal.json")));

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_the_bot_answers_local_anonymous_traffic()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        await world.Teams.SayAsync(world.Clinician, "help", World.Personal);

        Assert.Equal("POST", world.LastCallTo(world.Clinician.PersonalConversationId).Method);
    }
}
