namespace ParoleOnco.Benchmarks.Scenario;

/// <summary>A referral's profile, and the profile of the APs who fit it best.</summary>
public sealed record ApProfile(string CancerType, string Language, string AgeBand);

/// <summary>
/// Ten APs sharing a profile no other group has. Why groups: every approval takes one place of an AP's capacity
/// (at most 10), and a referral with a group's profile ranks that group's APs first (same cancer 40, language 25,
/// age band 15 points, where capacity gives at most 10), so the coordinator approves, as a person would, one of the
/// best suggestions with room left, whatever the load generator raced.
/// </summary>
public sealed record ApGroup(int Number, ApProfile Profile, IReadOnlyList<string> ApIds)
{
    public const int Size = 10;
    public const int Capacity = 10;
    public const int Approvals = Size * Capacity;

    // Not "other": two "other"s share nothing, so they score no points.
    private static readonly string[] CancerTypes = ["breast", "gynecological", "hereditary"];
    private static readonly string[] Languages = ["fr", "en", "es", "ar"];

    // Two bands apart, so a neighbouring band's 7 points never mix groups.
    private static readonly string[] AgeBands = ["18-44", "55-64", "75+"];

    public static int MaxGroups => CancerTypes.Length * Languages.Length * AgeBands.Length;

    public static ApProfile ProfileOf(int group) => new(
        CancerTypes[group % CancerTypes.Length],
        Languages[group / CancerTypes.Length % Languages.Length],
        AgeBands[group / (CancerTypes.Length * Languages.Length)]);
}
