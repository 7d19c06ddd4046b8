using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Matching;

/// <summary>
/// Ranks the APs a coordinator may pick for a referral. Lived experience of the same cancer weighs most,
/// then a shared language (APs support mostly by phone), then age band and modality. Among APs who fit equally well,
/// the load is spread fairly: the one offered a patient least recently comes first (never offered before anyone), so an
/// AP who just declined is not offered the next patient first; then remaining capacity. Every point comes with its
/// reason so coordinators see why.
/// </summary>
public static class Matcher
{
    public const int SameCancerPoints = 40;
    public const int LanguagePoints = 25;
    public const int SameAgeBandPoints = 15;
    public const int NeighbourAgeBandPoints = 7;
    public const int ModalityPoints = 10;
    public const int CapacityPoints = 10;
    public const int DefaultCount = 5;

    private const string Other = "other";

    private static readonly string[] AgeBands = ["18-44", "45-54", "55-64", "65-74", "75+"];

    public static IReadOnlyList<Suggestion> Suggest(
        ReferralProfile patient, IEnumerable<ApCandidate> candidates, int count = DefaultCount) =>
        [.. candidates
            .Where(c => c.RemainingCapacity > 0)
            .Select(c => Score(patient, c))
            .OrderByDescending(s => s.Fit)
            .ThenBy(s => s.Candidate.LastOfferedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.ActivePatients)
            .ThenBy(s => s.Candidate.Name, StringComparer.CurrentCulture)
            .ThenBy(s => s.Candidate.ApId)
            .Take(count)];

    public static Suggestion Score(ReferralProfile patient, ApCandidate ap)
    {
        var score = 0;
        var reasons = new List<string>();

        void Add(bool applies, int points, string reason)
        {
            if (applies)
            {
                score += points;
                reasons.Add(reason);
            }
        }

        // "other" names no cancer and no language in particular: two "other"s are not a shared experience.
        Add(patient.CancerType != Other && ap.CancerTypes.Contains(patient.CancerType), SameCancerPoints, "sameCancer");
        Add(patient.Language != Other && ap.Languages.Contains(patient.Language), LanguagePoints, "language");
        var ageDistance = AgeBandDistance(ap.AgeBand, patient.AgeBand);
        Add(ageDistance == 0, SameAgeBandPoints, "ageBand");
        Add(ageDistance == 1, NeighbourAgeBandPoints, "ageBand");
        Add(ap.Modalities.Contains(patient.Modality), ModalityPoints, "modality");

        var fit = score;

        // Proportional, so an AP with most of their capacity free ranks above a nearly full one.
        var capacityPoints = ap.Capacity == 0 ? 0 : CapacityPoints * ap.RemainingCapacity / ap.Capacity;
        Add(capacityPoints > 0, capacityPoints, "capacity");

        return new Suggestion(ap, score, reasons, fit);
    }

    private static int AgeBandDistance(string a, string b)
    {
        var i = Array.IndexOf(AgeBands, a);
        var j = Array.IndexOf(AgeBands, b);
        return i < 0 || j < 0 ? int.MaxValue : Math.Abs(i - j);
    }
}
