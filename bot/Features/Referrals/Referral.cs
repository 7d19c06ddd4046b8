using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// A clinician's proposal of an AP to a consenting patient. The patient is known only by a pseudonymous
/// code; the phone and note are stored encrypted. State changes go through the methods below, which
/// refuse illegal moves, and <see cref="Version"/> makes concurrent decisions end in exactly one.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; init; }
    public required string FormId { get; init; }
    public required string PatientCode { get; set; }
    public required string EstablishmentId { get; init; }
    public required string CancerType { get; init; }
    public required string AgeBand { get; init; }
    public required string Language { get; init; }
    public required string Modality { get; init; }
    public required IReadOnlyList<string> Needs { get; init; }
    /// <summary>Encrypted; <see cref="PatientDataProtector.Erased"/> once the retention period or an erasure took it.</summary>
    public required string ProtectedPhone { get; set; }
    public string? ProtectedNote { get; set; }
    public required string ReferrerAadObjectId { get; init; }
    public required string ReferrerName { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }

    public ReferralStatus Status { get; private set; }
    public Guid? ApId { get; private set; }
    public string? DecidedByAadObjectId { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? Outcome { get; private set; }
    public int? Satisfaction { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When an admin erased the patient's data on request: the row stays as a tombstone for the figures.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status == ReferralStatus.Submitted;

    /// <summary>The patient's phone is shown while someone must reach them: referred, matched, or accompanied.</summary>
    public bool PhoneMayBeShown => Status is ReferralStatus.Submitted or ReferralStatus.Matched or ReferralStatus.Accepted;

    public ReferralProfile Profile => new(CancerType, AgeBand, Language, Modality, Needs);

    public void Match(Guid apId, string coordinatorAadObjectId, string coordinatorName, DateTimeOffset at)
    {
        Require(ReferralStatus.Submitted);
        ApId = apId;
        Decide(ReferralStatus.Matched, coordinatorAadObjectId, coordinatorName, at);
    }

    public void Decline(string reason, string coordinatorAadObjectId, string coordinatorName, DateTimeOffset at)
    {
        Require(ReferralStatus.Submitted);
        DeclineReason = reason;
        Decide(ReferralStatus.Declined, coordinatorAadObjectId, coordinatorName, at);
    }

    public void AcceptAssignment(Guid apId, DateTimeOffset at)
    {
        RequireAssignedTo(apId);
        Status = ReferralStatus.Accepted;
        AcceptedAt = at;
        Version++;
    }

    /// <summary>The AP ends the accompaniment, with its outcome and the patient's satisfaction if they gave it.</summary>
    public void Close(Guid apId, string outcome, int? satisfaction, DateTimeOffset at)
    {
        Require(ReferralStatus.Accepted);
        if (ApId != apId)
        {
            throw new InvalidReferralTransitionException(Id, Status, "accompanied by another AP");
        }

        (Status, Outcome, Satisfaction, ClosedAt) = (ReferralStatus.Closed, outcome, satisfaction, at);
        Version++;
    }

    /// <summary>The AP said no, or could not be reached: the referral goes back to the coordinators' queue.</summary>
    public void ReturnToQueue(Guid apId)
    {
        RequireAssignedTo(apId);
        Status = ReferralStatus.Submitted;
        ApId = null;
        DecidedByAadObjectId = null;
        DecidedByName = null;
        DecidedAt = null;
        Version++;
    }

    /// <summary>What a tombstone shows in place of the patient's code.</summary>
    public const string ErasedCode = "ERASED";

    /// <summary>Whether the accompaniment or the referral is over: only then may the patient's data be erased.</summary>
    public bool IsEnded => Status is ReferralStatus.Closed or ReferralStatus.Declined;

    /// <summary>The patient asked for their data to be erased: the code and contact data go, the structured fields stay.</summary>
    public void Erase(DateTimeOffset at)
    {
        if (!IsEnded)
        {
            throw new InvalidReferralTransitionException(Id, Status, "erased while open");
        }

        (PatientCode, ProtectedPhone, ProtectedNote, ErasedAt) = (ErasedCode, PatientDataProtector.Erased, null, at);
        Version++;
    }

    private void Decide(ReferralStatus status, string byAadObjectId, string byName, DateTimeOffset at)
    {
        Status = status;
        DecidedByAadObjectId = byAadObjectId;
        DecidedByName = byName;
        DecidedAt = at;
        Version++;
    }

    private void RequireAssignedTo(Guid apId)
    {
        Require(ReferralStatus.Matched);
        if (ApId != apId)
        {
            throw new InvalidReferralTransitionException(Id, Status, "assigned to another AP");
        }
    }

    private void Require(ReferralStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidReferralTransitionException(Id, Status, $"expected {expected}");
        }
    }
}
