namespace ParoleOnco.Cards;

/// <summary>
/// An AP's figures over one stretch of time, from the program's figures for their accompaniments only: patients who
/// accepted them, accompaniments ended, contacts and minutes logged, contacts by support type, thanks received.
/// </summary>
public sealed record ImpactFiguresView(
    int NewPatients, int Closed, int Contacts, int ContactMinutes, IReadOnlyList<CodeCount> SupportTypes, int Thanks)
{
    public static readonly ImpactFiguresView None = new(0, 0, 0, 0, [], 0);

    /// <summary>Nothing happened: no new patient, no contact logged, no thanks.</summary>
    public bool IsEmpty => NewPatients == 0 && Contacts == 0 && Thanks == 0;
}

/// <summary>
/// <c>impact</c>: the AP's patients now, their figures this month and since they started (the month they registered),
/// and the latest thanks they received.
/// </summary>
public sealed record ImpactView(
    int ActiveNow, DateOnly Month, ImpactFiguresView ThisMonth, DateOnly Since, ImpactFiguresView SinceStart, IReadOnlyList<ThanksView> LatestThanks);

/// <summary>The monthly impact card: the month that just ended, and the thanks received in it.</summary>
public sealed record MonthlyImpactView(DateOnly Month, ImpactFiguresView Figures, IReadOnlyList<ThanksView> LatestThanks);
