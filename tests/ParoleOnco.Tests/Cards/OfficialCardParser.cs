using System.ComponentModel;
using System.Diagnostics;

namespace ParoleOnco.Tests.Cards;

/// <summary>
/// Microsoft's own Adaptive Card parser (<c>shared/tools/teams-checks/validate-cards.mjs</c>, Teams 1.5 rules, warnings
/// as errors) over a folder of card files. Needs node and the checks' node_modules (<c>TEAMS_CHECKS_NODE_MODULES</c>);
/// the test is skipped with the reason when either is missing.
/// </summary>
internal static class OfficialCardParser
{
    /// <summary>Writes each sample card in each culture as <c>name.culture.json</c>, as <paramref name="asSent"/> makes its JSON.</summary>
    public static string WriteEverySample(string folder, Func<string, string> asSent)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.json"))
        {
            File.Delete(stale);
        }

        foreach (var (name, build) in CardSamples.All)
        {
            foreach (var culture in CardSamples.Cultures)
            {
                File.WriteAllText(Path.Combine(folder, $"{name}.{culture.Name}.json"), asSent(build(culture).ToJson()));
            }
        }

        return folder;
    }

    /// <summary>Every card every sample builds, in every culture, as written to the folder, passes with zero findings.</summary>
    public static void AssertEverySamplePasses(string folder)
    {
        var validator = FindValidator();
        Skip.If(validator is null, "shared/tools/teams-checks/validate-cards.mjs was not found beside the repository root.");
        var nodeModules = Environment.GetEnvironmentVariable("TEAMS_CHECKS_NODE_MODULES");
        Skip.If(nodeModules is null || !Directory.Exists(Path.Combine(nodeModules, "adaptivecards")),
            "TEAMS_CHECKS_NODE_MODULES must point at the node_modules of an `npm ci` of shared/tools/teams-checks.");

        var (exitCode, output) = RunNode(validator!, nodeModules!, "--warnings-as-errors", folder);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("error:", output);
        Assert.DoesNotContain("warning:", output);
        Assert.Contains($"{CardSamples.All.Count * CardSamples.Cultures.Length} passed, 0 failed", output);
    }

    /// <summary>shared/ sits beside the repository root, here and in CI: walk up from the test assembly to find it.</summary>
    private static string? FindValidator()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", "teams-checks", "validate-cards.mjs");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (int ExitCode, string Output) RunNode(string script, string nodeModules, params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NODE_PATH"] = nodeModules;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new SkipException($"node could not be started ({e.Message}); install Node 20+ to run the card checks.");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
            }

            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
