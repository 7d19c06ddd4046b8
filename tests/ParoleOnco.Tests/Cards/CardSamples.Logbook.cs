using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

/// <summary>The logbook's views: accompaniments, forms, entries, escalations, shared summaries and closings.</summary>
internal static partial class CardSamples
{
    public const string Today = "2026-03-14";
    public const string Summary = "Échange chaleureux. Elle a noté ses questions pour l'infirmière pivot. *Pas* de [lien](https://example.com).";
    public const string AttentionReason = "Elle dit avoir cessé de prendre son traitement depuis une semaine.";

    public static readonly Guid EscalationId = Guid.Parse("33333333-3333-3333-3333-333333333333");

    public static ReferralView AcceptedReferral(string status = ReferralStatuses.Accepted) =>
        Referral(status, "Louise Bergeron", Decision);

    public static AccompanimentView Accompaniment(int n = 0, DateTimeOffset? lastContact = null, int entries = 0) => new(
        AcceptedReferral() with { Id = new Guid(n + 1, 0, 0, new byte[8]), Number = $"R-{42 + n:0000}", PatientCode = $"QC-7F3K{n}" },
        At, lastContact, entries);

    public static IReadOnlyList<AccompanimentView> Accompaniments(int count) =>
        [.. Enumerable.Range(0, count).Select(n => Accompaniment(n, n % 2 == 0 ? At.AddDays(3) : null, n))];

    public static LogbookFormView EmptyLogbookForm() =>
        new("form-4", AcceptedReferral(), new CardActionData(), new Dictionary<string, string>(), Today);

    /// <summary>The closing form sent back: the second accompaniment and a satisfaction chosen, no outcome.</summary>
    public static CloseFormView CloseFormWithErrors() => new(
        Accompaniments(3),
        new CardActionData { ReferralId = Accompaniments(3)[1].Referral.Id.ToString(), Satisfaction = "4" },
        new Dictionary<string, string> { ["outcome"] = "required" });

    public static LogbookFormView LogbookFormWithErrors() => new(
        "form-5",
        AcceptedReferral(),
        new CardActionData
        {
            ContactDate = "2026-03-20", DurationMinutes = "900", Modality = "video", SupportTypes = "emotional,cognitive", Summary = Summary,
            NeedsClinicalAttention = "true", AttentionReason = "", ShareWithCareTeam = "true", NextContactDate = "2026-03-01",
            ParkingExpense = "12.5", Kilometres = "-3",
        },
        new Dictionary<string, string>
        {
            ["contactDate"] = "dateInFuture",
            ["durationMinutes"] = "invalidDuration",
            ["attentionReason"] = "attentionReasonRequired",
            ["nextContactDate"] = "dateInPast",
            ["kilometres"] = "invalidKilometres",
        },
        Today);

    public static LogbookEntryView Entry(bool escalated = false, bool shared = false) => new(
        Guid.Parse("44444444-4444-4444-4444-444444444444"), AcceptedReferral(), "Louise Bergeron", new DateOnly(2026, 3, 14), 45, "phone",
        ["emotional", "navigational"], Summary, escalated, escalated ? AttentionReason : null, shared,
        new DateOnly(2026, 3, 21), shared ? 12.5m : null, shared ? 18m : null);

    public static EscalationView Escalation(int announcement = 1, DecisionView? acknowledged = null) =>
        new(EscalationId, "R-0042", "QC-7F3K9", "Louise Bergeron", AttentionReason, At, announcement, acknowledged);

    /// <summary>Out of order on purpose: the file sheet sorts them.</summary>
    public static IReadOnlyList<SharedSummaryView> SharedSummaries() =>
    [
        new(new DateOnly(2026, 3, 7), "Louise Bergeron", "phone", 30, "Premier contact. Elle souhaite parler de la fatigue au travail."),
        new(new DateOnly(2026, 3, 21), "Louise Bergeron", "inPerson", 60, "Rencontre au café de l'hôpital avant son rendez-vous. Elle se sent mieux préparée."),
        new(new DateOnly(2026, 3, 14), "Louise Bergeron", "video", 45, Summary),
    ];

    public static IReadOnlyList<SharedSummaryView> ManySharedSummaries(int count) =>
        [.. Enumerable.Range(0, count).Select(n => new SharedSummaryView(new DateOnly(2026, 1, 1).AddDays(n), "Louise Bergeron", "phone", 30, new string('é', 1000)))];

    public static ClosingView Closing(int? satisfaction = 4) =>
        new(AcceptedReferral(ReferralStatuses.Closed), "Louise Bergeron", "completed", satisfaction, 7, At.AddDays(60));
}
