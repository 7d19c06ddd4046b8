using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Who may post to /api/messages: anyone locally without an app id, only the Bot Service with one. Tokens are checked
/// by the SDK against a stand-in authority (<see cref="ChannelAuthority"/>) it is configured for, as a national cloud is.
/// </summary>
public sealed class AuthenticationTests
{
    private const string AppId = "3f1c2b7e-1111-4a4a-9c9c-123456789abc";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    [Fact]
    public async Task With_an_app_id_the_bot_refuses_activities_without_a_token()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], appId: AppId);
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

    [Fact]
    public async Task A_token_the_Bot_Service_signed_for_this_bot_and_its_serviceUrl_is_accepted()
    {
        await using var edge = await Edge.StartAsync();

        var response = await edge.PostAsync(edge.Authority.Token(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await edge.SavedConversationsAsync());
    }

    [Theory]
    [InlineData("another bot's audience")]
    [InlineData("another issuer")]
    [InlineData("expired")]
    [InlineData("another serviceUrl")]
    [InlineData("a key endorsed for another channel")]
    [InlineData("an unknown key")]
    [InlineData("Teams' key id on another key")]
    [InlineData("unsigned")]
    [InlineData("HS256")]
    [InlineData("not a JWT")]
    public async Task A_token_that_does_not_authenticate_gets_401_with_an_empty_body_and_one_log_line_without_the_token(string flaw)
    {
        await using var edge = await Edge.StartAsync();
        var token = Flawed(edge.Authority, flaw);

        var linesBefore = edge.Logs.Lines.Count;
        var response = await edge.PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await edge.SavedConversationsAsync());
        var line = Assert.Single(edge.Logs.Lines.Skip(linesBefore));
        Assert.Contains("did not authenticate", line);
        Assert.DoesNotContain('\n', line);
        foreach (var part in token.Split('.').Where(p => p.Length > 0))
        {
            Assert.DoesNotContain(part, line);
        }

        Assert.DoesNotContain("11111111", line); // the wrong audience
        Assert.DoesNotContain("example.test", line); // the wrong serviceUrl or issuer
    }

    private static string Flawed(ChannelAuthority authority, string flaw) => flaw switch
    {
        "another bot's audience" => authority.Token("11111111-2222-4333-8444-555555555555", ServiceUrl),
        "another issuer" => authority.Token(AppId, ServiceUrl, issuer: "https://issuer.example.test"),
        "expired" => authority.Token(AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-30)),
        "another serviceUrl" => authority.Token(AppId, "https://attacker.example.test/"),
        "a key endorsed for another channel" => authority.Token(AppId, ServiceUrl, keyId: ChannelAuthority.OtherChannelKeyId),
        "an unknown key" => authority.Token(AppId, ServiceUrl, keyId: "unknown-key", key: RSA.Create(2048)),
        "Teams' key id on another key" => authority.Token(AppId, ServiceUrl, key: RSA.Create(2048)),
        "unsigned" => Unsigned(authority.Token(AppId, ServiceUrl)),
        "HS256" => Hs256(),
        "not a JWT" => "garbage-that-is-no-token",
        _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
    };

    // The valid token's claims, under a header that says "none" and without a signature.
    private static string Unsigned(string token) =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{token.Split('.')[1]}.";

    private static string Hs256()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-secret-anyone-could-have-chosen-32+")) { KeyId = ChannelAuthority.TeamsKeyId };
        var token = new JwtSecurityToken(
            ChannelAuthority.Issuer, AppId, [new System.Security.Claims.Claim("serviceurl", ServiceUrl)],
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(30), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>The bot with an app id, configured for a stand-in authority; posts a Teams activity that only saves its conversation.</summary>
    private sealed class Edge(ChannelAuthority authority, TestDatabase database, BotApp bot, CapturedLogs logs) : IAsyncDisposable
    {
        public ChannelAuthority Authority => authority;
        public CapturedLogs Logs => logs;

        public static async Task<Edge> StartAsync()
        {
            var authority = await ChannelAuthority.StartAsync();
            var database = await TestDatabase.SqliteAsync();
            var logs = new CapturedLogs(LogLevel.Warning);
            var bot = new BotApp(database, new FakeTimeProvider(), [], appId: AppId, settings: authority.Settings(AppId), logs: logs);
            _ = bot.Services; // started, so its own start-up warnings come before the test's
            return new Edge(authority, database, bot, logs);
        }

        public async Task<HttpResponseMessage> PostAsync(string token)
        {
            var payloads = new TeamsPayloads(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads"), ServiceUrl);
            var activity = payloads.InstallationUpdate(TestUser.Create("Dre Hélène Oncologue", "fr-CA", 4), World.Personal, "remove");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await bot.CreateClient().SendAsync(request);
        }

        public async Task<int> SavedConversationsAsync()
        {
            await using var scope = bot.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>().Conversations.CountAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await bot.DisposeAsync();
            await database.DisposeAsync();
            await authority.DisposeAsync();
        }
    }
}
