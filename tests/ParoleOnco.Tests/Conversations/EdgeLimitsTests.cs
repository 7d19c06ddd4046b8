using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>What /api/messages refuses before any authentication or parsing: too large, too often, no serviceUrl.</summary>
public sealed class EdgeLimitsTests
{
    private const int Limit = 256 * 1024;

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_gets_413_without_being_read()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), []);
        using var http = OnKestrel(bot);

        // Not JSON: parsed, it would be a 400 (or, before the limit, a 500).
        var response = await http.PostAsync("/api/messages", new ByteArrayContent(new byte[Limit + 1]) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_ends_as_413()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), []);
        using var http = OnKestrel(bot);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("{\"type\":\"message\",\"text\":\"" + new string('a', Limit) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_within_the_limit_is_answered()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        await world.Teams.SayAsync(world.Clinician, "help " + new string('a', 200 * 1024), World.Personal);

        Assert.Equal("POST", world.LastCallTo(world.Clinician.PersonalConversationId).Method);
    }

    [Fact]
    public async Task A_client_over_its_requests_per_minute_gets_429()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], settings: new Dictionary<string, string> { ["Edge:RequestsPerMinutePerClient"] = "2" });
        var http = bot.CreateClient();
        var activity = await ActivityAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.PostAsJsonAsync("/api/messages", activity)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
    }

    [Fact]
    public async Task An_activity_without_serviceUrl_gets_400_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), []);
        var activity = await ActivityAsync();
        activity.AsObject().Remove("serviceUrl");

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>().Conversations.CountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400_with_an_empty_body()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), []);

        var response = await bot.CreateClient().PostAsync("/api/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A chat message no turn answers (channel chatter without the bot's mention): what is measured is the edge.</summary>
    private static async Task<JsonNode> ActivityAsync()
    {
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads", "message-channel-mention.json")))!;
        activity["entities"] = new JsonArray();
        return activity;
    }

    /// <summary>The bot on a real loopback socket: Kestrel frames and counts the body as in production.</summary>
    private static HttpClient OnKestrel(BotApp bot)
    {
        bot.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        bot.StartServer();
        var address = bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address) };
    }
}
