using System.ComponentModel;
using System.Diagnostics;
using ParoleOnco.Teams;
using ParoleOnco.Tests.Cards;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Outbox cards go out with their message key inside (<see cref="CardAttachments.Marked"/>), so Graph can find them
/// again: marked, every card must still pass Microsoft's Adaptive Card parser, and the key must read back.
/// </summary>
public sealed class MarkedCardValidationTests
{
    private const string Key = "referral/0f8fad5bd9cb469fa16570867728950e/channel";

    [Fact]
    public void The_message_key_a_card_carries_reads_back_from_its_JSON_and_nothing_else_passes_for_one()
    {
        var marked = CardAttachments.Marked(CardSamples.Build(CardSamples.All.Keys.First(), "fr-CA").ToJson(), Key);

        Assert.Equal(Key, CardAttachments.KeyIn(marked.ToString()));
        Assert.Null(CardAttachments.KeyIn(CardSamples.Build(CardSamples.All.Keys.First(), "fr-CA").ToJson()));
        Assert.Null(CardAttachments.KeyIn("<p>not a card</p>"));
        Assert.Null(CardAttachments.KeyIn("""{"type":"AdaptiveCard","body":"text"}"""));
    }

    [SkippableFact]
    public void Every_card_marked_for_delivery_passes_the_official_adaptive_card_parser_with_zero_findings()
    {
        var validator = FindValidator();
        Skip.If(validator is null, "shared/tools/teams-checks/validate-cards.mjs was not found beside the repository root.");
        var nodeModules = Environment.GetEnvironmentVariable("TEAMS_CHECKS_NODE_MODULES");
        Skip.If(nodeModules is null || !Directory.Exists(Path.Combine(nodeModules, "adaptivecards")),
            "TEAMS_CHECKS_NODE_MODULES must point at the node_modules of an `npm ci` of shared/tools/teams-checks.");
        var folder = Path.Combine(AppContext.BaseDirectory, "marked-cards-out");
        Directory.CreateDirectory(folder);
        foreach (var (name, build) in CardSamples.All)
        {
            foreach (var culture in CardSamples.Cultures)
            {
                File.WriteAllText(Path.Combine(folder, $"{name}.{culture.Name}.json"), CardAttachments.Marked(build(culture).ToJson(), Key).ToString());
            }
        }

        var (exitCode, output) = RunNode(validator!, nodeModules!, "--warnings-as-errors", folder);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("error:", output);
        Assert.DoesNotContain("warning:", output);
        Assert.Contains($"{CardSamples.All.Count * CardSamples.Cultures.Length} passed, 0 failed", output);
    }

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
