using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

internal static partial class CardSamples
{
    public static readonly FiguresView SomeFigures = new()
    {
        Referrals = 14, Declined = 2, DeclineReasons = [new("Aucun PA disponible en arabe", 2)], Matched = 11, ApAccepted = 9, ApDeclined = 2,
        WaitingNow = 3, MedianHoursToDecision = 10, P90HoursToDecision = 21.2, MedianHoursToAcceptance = 35.5, P90HoursToAcceptance = 44.7,
        FirstContactWithinPct = 87.5, FirstContactDue = 8, ActiveNow = 6, Closed = 4, ClosedByOutcome = [new("completed", 3), new("unreachable", 1)],
        Contacts = 31, ContactMinutes = 940, ByModality = [new("phone", 20, 500), new("inPerson", 11, 440)],
        SupportTypes = [("emotional", 90.3), ("informational", 41.9)], Escalations = 1, MedianMinutesToAcknowledge = 30,
        SatisfactionMean = 4.5, SatisfactionResponses = 4, SatisfactionByScore = [0, 0, 0, 2, 2],
        MinActivePerAp = 0, MedianActivePerAp = 1.5, MaxActivePerAp = 3, CapacityUsedPct = 62.5, ParkingDollars = 37.50m, Kilometres = 120.5m,
    };

    public static IReadOnlyList<MonthCountView> Months() =>
        [.. Enumerable.Range(0, 12).Select(i => new MonthCountView(new DateOnly(2025, 4, 1).AddMonths(i).ToString("yyyy-MM"), 10 + i, 7 + (i / 2)))];

    public static StatsView Stats(bool program) => new(
        "thisMonth",
        program ? "" : Chum.Id,
        program ? [Chum, Cusm] : [Chum],
        program,
        new StatsSectionView(program ? "" : Chum.Name, SomeFigures),
        program ? [new StatsSectionView(Chum.Name, SomeFigures), new StatsSectionView(Cusm.Name, new FiguresView())] : [],
        Months(),
        "https://paroleonco.example/charts/stats.png?token=abc",
        new StatsExportLinks("https://paroleonco.example/exports/figures.csv?token=abc", "https://paroleonco.example/exports/accompaniments.csv?token=abc"));
}
