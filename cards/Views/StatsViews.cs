namespace ParoleOnco.Cards;

/// <summary>
/// The figures card: the period and establishment shown (<c>""</c> is the whole program, <c>all</c> on the card), what the caller may pick,
/// the full figures of the selection, one line per establishment when it is the whole program, the chart's months and
/// the signed links (null where the caller gets none).
/// </summary>
public sealed record StatsView(
    string Period,
    string EstablishmentId,
    IReadOnlyList<EstablishmentOption> Choices,
    bool WholeProgramAllowed,
    StatsSectionView Main,
    IReadOnlyList<StatsSectionView> PerEstablishment,
    IReadOnlyList<MonthCountView> Months,
    string? ChartUrl,
    StatsExportLinks? Exports);

public sealed record StatsSectionView(string Name, FiguresView Figures);

/// <summary>Referrals received and offers accepted in one month (<c>YYYY-MM</c>), as the chart draws them.</summary>
public sealed record MonthCountView(string Month, int Referrals, int Accepted);

public sealed record StatsExportLinks(string Figures, string Accompaniments);

public sealed record CodeCount(string Code, int Count);

public sealed record ModalityCount(string Code, int Contacts, int Minutes);

/// <summary>The numbers of one section; null where there is nothing to compute a figure from.</summary>
public sealed record FiguresView
{
    public int Referrals { get; init; }
    public int Declined { get; init; }

    /// <summary>The reasons coordinators typed, most frequent first: shown as typed text.</summary>
    public IReadOnlyList<CodeCount> DeclineReasons { get; init; } = [];
    public int Matched { get; init; }
    public int ApAccepted { get; init; }
    public int ApDeclined { get; init; }
    public int WaitingNow { get; init; }
    public double? MedianHoursToDecision { get; init; }
    public double? P90HoursToDecision { get; init; }
    public double? MedianHoursToAcceptance { get; init; }
    public double? P90HoursToAcceptance { get; init; }
    public double? FirstContactWithinPct { get; init; }
    public int FirstContactDue { get; init; }
    public int ActiveNow { get; init; }
    public int Closed { get; init; }
    public IReadOnlyList<CodeCount> ClosedByOutcome { get; init; } = [];
    public int Contacts { get; init; }
    public int ContactMinutes { get; init; }
    public IReadOnlyList<ModalityCount> ByModality { get; init; } = [];

    /// <summary>Support type codes with the share of contacts that gave them, in %.</summary>
    public IReadOnlyList<(string Code, double Pct)> SupportTypes { get; init; } = [];
    public int Escalations { get; init; }
    public double? MedianMinutesToAcknowledge { get; init; }
    public double? SatisfactionMean { get; init; }
    public int SatisfactionResponses { get; init; }

    /// <summary>Answers by score, 1 to 5.</summary>
    public IReadOnlyList<int> SatisfactionByScore { get; init; } = [0, 0, 0, 0, 0];
    public int? MinActivePerAp { get; init; }
    public double? MedianActivePerAp { get; init; }
    public int? MaxActivePerAp { get; init; }
    public double? CapacityUsedPct { get; init; }
    public decimal ParkingDollars { get; init; }
    public decimal Kilometres { get; init; }
}
