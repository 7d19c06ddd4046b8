using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

internal static partial class CardSamples
{
    public static ImpactFiguresView SomeImpact => new(2, 1, 7, 215, [new("emotional", 6), new("navigational", 2)], 3);

    public static IReadOnlyList<ThanksView> LatestThanks() =>
    [
        new("Dre Julie Gagnon", ThanksMessage, At, null),
        new("Marie Tremblay", "Merci de votre disponibilité cet été.", At.AddDays(-9), null),
    ];

    public static ImpactView Impact() => new(
        2, new DateOnly(2026, 3, 1), SomeImpact, new DateOnly(2025, 9, 1), SomeImpact with { NewPatients = 9, Closed = 6, Contacts = 41, ContactMinutes = 1390, Thanks = 8 },
        LatestThanks());

    public static MonthlyImpactView MonthlyImpact() => new(new DateOnly(2026, 2, 1), SomeImpact, LatestThanks());
}
