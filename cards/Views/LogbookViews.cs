namespace ParoleOnco.Cards;

/// <summary>One of the AP's active accompaniments, to pick for a logbook entry or to close.</summary>
public sealed record AccompanimentView(ReferralView Referral, DateTimeOffset AcceptedAt, DateTimeOffset? LastContactAt, int Entries);

/// <summary>
/// The logbook form for one accompaniment: what was typed (kept on errors), an error code per input id, and the
/// date to offer by default (today, in the AP's time zone, as yyyy-MM-dd).
/// </summary>
public sealed record LogbookFormView(string FormId, ReferralView Referral, CardActionData Values, IReadOnlyDictionary<string, string> Errors, string Today);

/// <summary>
/// "End an accompaniment" sent back: the AP's active accompaniments, what was chosen (kept), an error code per input id.
/// </summary>
public sealed record CloseFormView(IReadOnlyList<AccompanimentView> Accompaniments, CardActionData Values, IReadOnlyDictionary<string, string> Errors);

/// <summary>A saved logbook entry. Expenses are the AP's, for compensation; the summary is factual.</summary>
public sealed record LogbookEntryView(
    Guid Id,
    ReferralView Referral,
    string ApName,
    DateOnly ContactDate,
    int DurationMinutes,
    string Modality,
    IReadOnlyList<string> SupportTypes,
    string Summary,
    bool NeedsClinicalAttention,
    string? AttentionReason,
    bool SharedWithCareTeam,
    DateOnly? NextContactDate,
    decimal? ParkingExpense,
    decimal? Kilometres);

/// <summary>Something an AP learnt that may change the medical course, for the coordinators at once.</summary>
public sealed record EscalationView(
    Guid Id,
    string ReferralNumber,
    string PatientCode,
    string ApName,
    string Reason,
    DateTimeOffset RaisedAt,
    int Announcement,
    DecisionView? Acknowledged);

/// <summary>A summary shared with the care team, as it goes in the patient's file.</summary>
public sealed record SharedSummaryView(DateOnly ContactDate, string ApName, string Modality, int DurationMinutes, string Summary);

/// <summary>How an accompaniment ended (codes of <see cref="Vocabulary.Outcomes"/>), told to the clinician and coordinators.</summary>
public sealed record ClosingView(ReferralView Referral, string ApName, string Outcome, int? Satisfaction, int Entries, DateTimeOffset ClosedAt);

/// <summary>Why a reminder is sent: the first contact is due, a planned contact passed, or an entry is overdue.</summary>
public enum ReminderCardKind
{
    FirstContact,
    PlannedContact,
    Overdue,
}
