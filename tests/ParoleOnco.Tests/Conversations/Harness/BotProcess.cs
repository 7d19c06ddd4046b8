using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The built bot in a process of its own, for what an in-process host cannot show: being killed between a commit
/// and a delivery, and started again.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;

    private BotProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Its operating system process id, which outbox claims name (<c>machine/pid/guid</c>).</summary>
    public int Id => process.Id;

    public static async Task<BotProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = StartInfo(database, settings, port);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await running.WaitHealthyAsync();
        return running;
    }

    /// <summary>Runs the bot as it would start, expecting it to stop by itself; returns its exit code and its standard error.</summary>
    public static async Task<(int ExitCode, string Errors)> RunToExitAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(database, settings, FreePort())) ?? throw new InvalidOperationException("dotnet did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The bot process kept running.");
        }

        return (process.ExitCode, await errors);
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, IReadOnlyDictionary<string, string> settings, int port)
    {
        var bot = BotBuildOutput();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bot, "ParoleOnco.Bot.dll")])
        {
            WorkingDirectory = bot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // anonymous, as `dotnet run`
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__ParoleOnco"] = database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Graph__BaseUrl"] = GraphStandIn.BaseUrlFor(database); // who may refer is asked of Graph, as in-process
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        return start;
    }

    /// <summary>SIGKILL: no shutdown, no flush, like a crash or an evicted container.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The bot process did not become healthy (exited: {process.HasExited}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>bot/bin/{Configuration}/net10.0 of this repository, built with the tests.</summary>
    private static string BotBuildOutput()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ParoleOnco.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("ParoleOnco.sln not found above the tests."), "bot", "bin", configuration, here.Name);
    }
}
