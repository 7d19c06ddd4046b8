using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>What the bot answered to one activity.</summary>
public sealed partial record Reply(HttpStatusCode Status, string Body)
{
    /// <summary>An invoke answered with a card (the SDK writes its invoke response indented).</summary>
    public bool IsInvokeSuccess => Status == HttpStatusCode.OK && InvokeOk().IsMatch(Body);

    [GeneratedRegex("\"statusCode\":\\s*200,")]
    private static partial Regex InvokeOk();
}

/// <summary>Posts activities to a bot's <c>/api/messages</c> over pooled keep-alive connections, as the Teams service does.</summary>
public sealed class BotClient(Uri address) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(100),
    };

    public async Task<Reply> PostAsync(byte[] activity)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("api/messages", content);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A setup step: anything but success stops the benchmark.</summary>
    public async Task<Reply> PostOrThrowAsync(byte[] activity, bool invoke)
    {
        var reply = await PostAsync(activity);
        if (invoke ? !reply.IsInvokeSuccess : reply.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Setup step failed: HTTP {(int)reply.Status} {reply.Body}");
        }

        return reply;
    }

    public void Dispose() => http.Dispose();
}
