using ParoleOnco.Cards;

namespace ParoleOnco.Features.Establishments;

/// <summary>
/// The PAROLE-Onco programs an establishment may run (<c>Programs</c> in its configuration) and the cancer types each
/// takes referrals for. The one place that ties a program to cancer types.
/// </summary>
public static class ProgramCancerTypes
{
    private static readonly Dictionary<string, IReadOnlyList<string>> ByProgram = new(StringComparer.OrdinalIgnoreCase)
    {
        ["breast"] = ["breast"],
        ["gynecological"] = ["gynecological"],
        ["oncogenetics"] = ["hereditary"],
    };

    public static IReadOnlyCollection<string> Known => ByProgram.Keys;

    public static bool IsKnown(string program) => ByProgram.ContainsKey(program);

    /// <summary>
    /// The cancer types referred to an establishment running <paramref name="programs"/>, in vocabulary order. A type
    /// no program claims ("other") belongs to no program the establishment could lack, so every establishment takes it.
    /// </summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> programs) =>
        [.. Vocabulary.CancerTypes.Where(type => !ProgramsOf(type).Any() || ProgramsOf(type).Any(p => programs.Contains(p, StringComparer.OrdinalIgnoreCase)))];

    private static IEnumerable<string> ProgramsOf(string cancerType) =>
        ByProgram.Where(p => p.Value.Contains(cancerType)).Select(p => p.Key);
}
