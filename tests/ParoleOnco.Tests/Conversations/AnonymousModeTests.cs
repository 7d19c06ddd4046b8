using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Without an app id: only in Development, only for a direct loopback connection.</summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Outside_Development_the_bot_without_an_app_id_exits_at_start_naming_MicrosoftAppId()
    {
        await using var database = await TestDatabase.SqliteAsync();

        var (exitCode, errors) = await BotProcess.RunToExitAsync(database, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("MicrosoftAppId", line);
    }

    [Fact]
    public async Task A_caller_without_a_remote_address_is_refused_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], unknownClientAddress: true);

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", await PersonalMessageAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await SavedConversationsAsync(bot));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "paroleonco.example.test")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Original-For", "203.0.113.7:5000")]
    public async Task A_request_a_proxy_relayed_is_refused_even_from_the_loopback(string header, string value)
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), []);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(await PersonalMessageAsync()) };
        request.Headers.Add(header, value);

        var response = await bot.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await SavedConversationsAsync(bot));
    }

    [Fact]
    public async Task With_forwarded_headers_trusted_a_remote_caller_claiming_the_loopback_is_refused()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(
            database, new FakeTimeProvider(), [],
            settings: new Dictionary<string, string> { ["FORWARDEDHEADERS_ENABLED"] = "true" }, // ASPNETCORE_FORWARDEDHEADERS_ENABLED
            clientAddress: IPAddress.Parse("203.0.113.7"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(await PersonalMessageAsync()) };
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        var response = await bot.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await SavedConversationsAsync(bot));
    }

    private static async Task<JsonNode> PersonalMessageAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads", "message-personal.json")))!;

    private static async Task<int> SavedConversationsAsync(BotApp bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>().Conversations.CountAsync();
    }
}
