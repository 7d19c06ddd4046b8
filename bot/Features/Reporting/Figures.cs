namespace ParoleOnco.Features.Reporting;

/// <summary>
/// The program's figures for one establishment (or the whole program) over one bucket of time. Counts come from SQL
/// aggregates; the few durations a percentile needs are kept as numbers so establishments add up into the program.
/// </summary>
public sealed class Figures
{
    public int Referrals { get; set; }
    public int Declined { get; set; }
    public Dictionary<string, int> DeclineReasons { get; } = new(StringComparer.Ordinal);
    public int Matched { get; set; }
    public int ApAccepted { get; set; }
    public int ApDeclined { get; set; }
    public List<double> HoursToDecision { get; } = [];
    public List<double> HoursToAcceptance { get; } = [];

    /// <summary>Accepted accompaniments whose first-contact delay is over, and those of them contacted in time.</summary>
    public int FirstContactDue { get; set; }
    public int FirstContactInTime { get; set; }

    public int Contacts { get; set; }
    public int ContactMinutes { get; set; }
    public Dictionary<string, (int Contacts, int Minutes)> ByModality { get; } = new(StringComparer.Ordinal);

    /// <summary>How many contacts gave each support type (a contact may give several).</summary>
    public Dictionary<string, int> SupportTypes { get; } = new(StringComparer.Ordinal);

    public int Escalations { get; set; }
    public List<double> MinutesToAcknowledge { get; } = [];
    public int Closed { get; set; }
    public Dictionary<string, int> ClosedByOutcome { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers by score, 1 to 5.</summary>
    public Dictionary<int, int> Satisfaction { get; } = [];
    public decimal ParkingDollars { get; set; }
    public decimal Kilometres { get; set; }

    public double? MedianHoursToDecision => Percentile.Of(HoursToDecision, 0.5);
    public double? P90HoursToDecision => Percentile.Of(HoursToDecision, 0.9);
    public double? MedianHoursToAcceptance => Percentile.Of(HoursToAcceptance, 0.5);
    public double? P90HoursToAcceptance => Percentile.Of(HoursToAcceptance, 0.9);
    public double? MedianMinutesToAcknowledge => Percentile.Of(MinutesToAcknowledge, 0.5);
    public double? FirstContactWithinPct => FirstContactDue == 0 ? null : 100.0 * FirstContactInTime / FirstContactDue;
    public int SatisfactionResponses => Satisfaction.Values.Sum();
    public double? SatisfactionMean => SatisfactionResponses == 0 ? null : (double)Satisfaction.Sum(s => s.Key * s.Value) / SatisfactionResponses;

    /// <summary>The share of contacts that gave this support type, in %.</summary>
    public double? SupportTypePct(string code) => Contacts == 0 ? null : 100.0 * SupportTypes.GetValueOrDefault(code) / Contacts;

    /// <summary>The program's figures: the establishments' counts added, their durations pooled.</summary>
    public static Figures Sum(IEnumerable<Figures> parts)
    {
        var total = new Figures();
        foreach (var part in parts)
        {
            total.Referrals += part.Referrals;
            total.Declined += part.Declined;
            Add(total.DeclineReasons, part.DeclineReasons);
            total.Matched += part.Matched;
            total.ApAccepted += part.ApAccepted;
            total.ApDeclined += part.ApDeclined;
            total.HoursToDecision.AddRange(part.HoursToDecision);
            total.HoursToAcceptance.AddRange(part.HoursToAcceptance);
            total.FirstContactDue += part.FirstContactDue;
            total.FirstContactInTime += part.FirstContactInTime;
            total.Contacts += part.Contacts;
            total.ContactMinutes += part.ContactMinutes;
            foreach (var (modality, (contacts, minutes)) in part.ByModality)
            {
                var (c, m) = total.ByModality.GetValueOrDefault(modality);
                total.ByModality[modality] = (c + contacts, m + minutes);
            }

            Add(total.SupportTypes, part.SupportTypes);
            total.Escalations += part.Escalations;
            total.MinutesToAcknowledge.AddRange(part.MinutesToAcknowledge);
            total.Closed += part.Closed;
            Add(total.ClosedByOutcome, part.ClosedByOutcome);
            Add(total.Satisfaction, part.Satisfaction);
            total.ParkingDollars += part.ParkingDollars;
            total.Kilometres += part.Kilometres;
        }

        return total;
    }

    private static void Add<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> from) where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }
}

/// <summary>What is true now rather than over a period: the queue, the accompaniments under way, the APs' load.</summary>
public sealed record CurrentLoad(int WaitingNow, int ActiveNow, IReadOnlyList<(int Active, int Capacity)> ApLoads)
{
    public int? MinActivePerAp => ApLoads.Count == 0 ? null : ApLoads.Min(a => a.Active);
    public double? MedianActivePerAp => Percentile.Of([.. ApLoads.Select(a => (double)a.Active)], 0.5);
    public int? MaxActivePerAp => ApLoads.Count == 0 ? null : ApLoads.Max(a => a.Active);
    public double? CapacityUsedPct => ApLoads.Sum(a => a.Capacity) is var capacity and > 0 ? 100.0 * ApLoads.Sum(a => a.Active) / capacity : null;

    public static readonly CurrentLoad None = new(0, 0, []);

    public static CurrentLoad Sum(IEnumerable<CurrentLoad> parts)
    {
        var all = parts.ToList();
        return new(all.Sum(p => p.WaitingNow), all.Sum(p => p.ActiveNow), [.. all.SelectMany(p => p.ApLoads)]);
    }
}

/// <summary>Continuous percentiles, as PostgreSQL's percentile_cont computes them.</summary>
public static class Percentile
{
    public static double? Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
