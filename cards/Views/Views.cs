namespace ParoleOnco.Cards;

public sealed record EstablishmentOption(string Id, string Name);

/// <summary>Who decided, when, and why (a decline's reason).</summary>
public sealed record DecisionView(string By, DateTimeOffset At, string? Reason = null);

/// <summary>
/// A form's state: what was typed (kept on errors) and an error code per input id. <paramref name="CancerTypes"/> are
/// the ones a referral form offers (those its establishments take; every one when null); the AP registration form
/// asks for lived experience, so it always lists them all.
/// </summary>
public sealed record FormView(
    string FormId,
    IReadOnlyList<EstablishmentOption> Establishments,
    CardActionData Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<string>? CancerTypes = null);

/// <summary>Referral status codes: submitted, matched, accepted, declined, closed (the accompaniment ended).</summary>
public static class ReferralStatuses
{
    public const string Submitted = "submitted";
    public const string Matched = "matched";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Closed = "closed";
}

/// <summary>What every audience may see of a referral. The phone is never here: see <see cref="AssignmentView"/>.</summary>
public sealed record ReferralView(
    Guid Id,
    string Number,
    string PatientCode,
    string EstablishmentName,
    string CancerType,
    string AgeBand,
    string Language,
    string Modality,
    IReadOnlyList<string> Needs,
    string Status,
    DateTimeOffset SubmittedAt,
    string ReferrerName,
    string? ApName,
    DecisionView? Decision);

/// <summary>
/// An AP offered by matching, with the reasons (codes of <see cref="Vocabulary.MatchReasons"/>) and the whole days since
/// they were last offered a patient (null: never), the fair-load reason.
/// </summary>
public sealed record SuggestionView(
    Guid ApId, string Name, int Score, IReadOnlyList<string> Reasons, int ActivePatients, int Capacity, int? DaysSinceLastOffer = null);

/// <summary>Assignment status codes: offered, accepted, declined, closed (the accompaniment ended), withdrawn (it never reached the AP), expired (not answered in time).</summary>
public static class AssignmentStatuses
{
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";
    public const string Expired = "expired";
}

/// <summary>
/// The assigned AP's view: the only card that carries the patient's phone and the clinician's note. The phone is as
/// stored (E.164): cards show it as people write it and dial it as it is.
/// </summary>
public sealed record AssignmentView(ReferralView Referral, string Phone, string? Note, string Status, DateTimeOffset? AnsweredAt);

/// <summary>AP status codes: pending, approved, rejected, paused.</summary>
public static class ApStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Paused = "paused";
}

public sealed record ApProfileView(
    Guid Id,
    string Name,
    string EstablishmentName,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> CancerTypes,
    string AgeBand,
    IReadOnlyList<string> Modalities,
    int Capacity,
    int ActivePatients,
    string Status,
    DecisionView? Decision,
    string? PauseReason = null);

/// <summary>Why a paused AP is paused, as <c>PauseReason_*</c> texts name it.</summary>
public static class PauseReasons
{
    public const string Self = "self";
    public const string AppRemoved = "appRemoved";
    public const string Unreachable = "unreachable";
}

/// <summary>Who the help card speaks to.</summary>
public enum Audience
{
    Clinician,
    Coordinator,
    AccompanyingPatient,

    /// <summary>Someone Teams did not identify: they hold no role, so the card only explains.</summary>
    Unidentified,
}

public static class ParkedKinds
{
    public const string Message = "message";
    public const string Reminder = "reminder";
}

/// <summary>A message or reminder set aside after failing again and again: what it is, never what it carries.</summary>
public sealed record ParkedItemView(string Kind, string Reference, int Failures, string? Error, DateTimeOffset Since);

/// <summary>One row of a patient code's access log: who read or changed what, when, where, and whether it was refused.</summary>
public sealed record AuditRowView(DateTimeOffset At, string Who, string Action, string Place, string Outcome, string? Reason);
