namespace ParoleOnco.Features.Logbook;

/// <summary>
/// What an AP notes after a contact with a patient: the program's logbook, once on paper. The summary and the
/// reason for clinical attention are health information, stored encrypted.
/// </summary>
public sealed class LogbookEntry
{
    public Guid Id { get; init; }
    public required string FormId { get; init; }
    public Guid ReferralId { get; init; }
    public Guid ApId { get; init; }

    /// <summary>The referral's establishment, kept on the entry: the program's figures count contacts by establishment without a join.</summary>
    public required string EstablishmentId { get; init; }

    public DateOnly ContactDate { get; init; }
    public int DurationMinutes { get; init; }
    public required string Modality { get; init; }
    public required IReadOnlyList<string> SupportTypes { get; init; }
    public required string ProtectedSummary { get; init; }
    public bool NeedsClinicalAttention { get; init; }
    public string? ProtectedAttentionReason { get; init; }
    public bool SharedWithCareTeam { get; init; }
    public DateOnly? NextContactDate { get; init; }
    public decimal? ParkingExpense { get; init; }
    public decimal? Kilometres { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
