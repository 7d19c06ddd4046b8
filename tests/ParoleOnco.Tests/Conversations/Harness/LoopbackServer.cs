using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// A stand-in for a service the bot calls (the Bot Connector, Graph): a real HTTP server on a free loopback port,
/// without logs. Shared with the benchmarks, which link this file.
/// </summary>
public static class LoopbackServer
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Starts the server; returns its address with a trailing slash, as a <c>serviceUrl</c> is written.</summary>
    public static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return app.Urls.Single().TrimEnd('/') + "/";
    }
}
