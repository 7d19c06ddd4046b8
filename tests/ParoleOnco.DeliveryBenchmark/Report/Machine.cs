using System.Runtime;
using System.Runtime.InteropServices;

namespace ParoleOnco.DeliveryBenchmark.Report;

/// <summary>The machine a run's figures belong to.</summary>
public static class Machine
{
    public static string Describe() => string.Join(
        Environment.NewLine,
        $"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GB memory",
        $"OS:      {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        $".NET:    {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{LoadAverage()}");

    /// <summary>Other work on the machine skews the figures: say how busy it was when the run started.</summary>
    private static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? $"; load average at start {string.Join(" ", File.ReadAllText(loadavg).Split(' ').Take(3))}" : "";
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var model = File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
