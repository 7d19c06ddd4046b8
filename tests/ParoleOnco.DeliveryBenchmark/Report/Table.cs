using ParoleOnco.DeliveryBenchmark.Connector;

namespace ParoleOnco.DeliveryBenchmark.Report;

/// <summary>Prints the runs side by side, the target, and the evidence of where the time went.</summary>
public static class Table
{
    /// <summary>How many messages the outbox dispatcher claims at a time.</summary>
    private const int DispatcherRound = 100;

    public static void Print(IReadOnlyList<Figures> runs, TextWriter output)
    {
        Row(output, "", runs.Select(r => r.Provider));
        Row(output, "prompts scheduled", runs.Select(r => $"{r.Scheduled:N0}"));
        Row(output, "prompts delivered", runs.Select(r => $"{r.Delivered:N0}"));
        Row(output, "delivered/s sustained (middle 80 %)", runs.Select(r => $"{r.SustainedRate:F1}"));
        Row(output, $"  vs the {TeamsLimits.PerAppPerSecond}/s app limit", runs.Select(r => $"{r.SustainedRate / TeamsLimits.PerAppPerSecond:P0}"));
        Row(output, "delivered/s overall (all / total time)", runs.Select(r => $"{r.OverallRate:F1}"));
        Row(output, "lost (no prompt within the timeout)", runs.Select(r => $"{r.Lost.Total:N0}"));
        Row(output, "duplicated prompts", runs.Select(r => $"{r.DuplicatePrompts:N0}"));
        Row(output, "conversations prompted twice", runs.Select(r => $"{r.ConversationsPromptedTwice:N0}"));
        Row(output, "429s received", runs.Select(r => $"{r.Throttled:N0}"));
        Row(output, "total time (schedule → last prompt)", runs.Select(r => $"{r.Total.TotalSeconds:F1} s"));
        Row(output, "first prompt after", runs.Select(r => $"{r.FirstPrompt.TotalSeconds:F1} s"));
        output.WriteLine();
        output.WriteLine("Where the time went");
        Row(output, "connector requests (accepted + 429)", runs.Select(r => $"{r.Requests:N0}"));
        Row(output, "most requests accepted in any 1 s", runs.Select(r => $"{r.PeakPerSecond}"));
        Row(output, "most requests sent in any 1 s (with 429s)", runs.Select(r => $"{r.PeakSentPerSecond}"));
        Row(output, "messages rescheduled (outbox attempts > 1)", runs.Select(r => $"{r.RetriedMessages:N0}"));
        Row(output, "reminders fired/s (middle 80 %)", runs.Select(r => $"{r.FiredRate:F1}"));
        Row(output, "reminder rounds", runs.Select(r => $"{r.Firing.Count:N0}"));
        Row(output, "  reminders per round", runs.Select(r => $"{r.Firing.MeanSize:F1}"));
        Row(output, "  round length", runs.Select(r => $"{r.Firing.MeanLength:F2} s"));
        Row(output, "  pause between rounds", runs.Select(r => $"{r.Firing.MeanPause:F2} s"));
        Row(output, "most outbox messages pending", runs.Select(r => $"{r.MaxPending:N0}"));
        Row(output, "mean CPU (bot + connector, all cores)", runs.Select(r => $"{r.MeanCpu:P0}"));
        Row(output, "most thread pool threads / queued items", runs.Select(r => $"{r.MaxThreads} / {r.MaxThreadPoolQueue}"));
        if (runs.Any(r => r.Unexpected > 0))
        {
            Row(output, "unexpected connector calls", runs.Select(r => $"{r.Unexpected:N0}"));
        }

        foreach (var run in runs)
        {
            output.WriteLine($"{run.Provider}: {PaceSetter(run)}");
        }

        foreach (var run in runs.Where(r => r.Lost.Total > 0))
        {
            var l = run.Lost;
            output.WriteLine(
                $"{run.Provider}: of {l.Total:N0} prompts not arrived, {l.NotFired:N0} reminders had not fired, {l.Pending:N0} messages were still pending, "
                + $"{l.Failed:N0} failed ({l.FirstError ?? "no error"}), {l.Silenced:N0} reminders queued nothing, {l.DeliveredUnseen:N0} marked delivered but never seen.");
        }
    }

    public static void Verdict(IReadOnlyList<Figures> runs, TextWriter output)
    {
        foreach (var run in runs)
        {
            var verdict = run.Pass ? "PASS" : "MISS";
            output.WriteLine(
                $"{verdict} {run.Provider}: target ≥ {Figures.TargetRate:F0} delivered/s sustained, 0 lost, 0 duplicated; "
                + $"got {run.SustainedRate:F1}/s, {run.Lost.Total:N0} lost, {run.DuplicatePrompts + run.ConversationsPromptedTwice:N0} duplicated.");
        }
    }

    /// <summary>
    /// Which stage set the pace: if the outbox never held more than one dispatcher round (100 messages), the
    /// dispatcher was waiting for reminders to fire; otherwise messages waited for the dispatcher.
    /// </summary>
    private static string PaceSetter(Figures run) => run.MaxPending <= DispatcherRound
        ? $"the pace was set by reminder firing ({run.FiredRate:F1}/s): the outbox never held more than {run.MaxPending:N0} messages"
        : $"the pace was set by outbox delivery ({run.SustainedRate:F1}/s): up to {run.MaxPending:N0} messages waited to be sent"
            + (run.Throttled > 0 ? $", {run.Throttled:N0} requests were refused with 429" : "");

    private static void Row(TextWriter output, string label, IEnumerable<string> values) =>
        output.WriteLine($"{label,-42}" + string.Concat(values.Select(v => $"{v,16}")));
}
