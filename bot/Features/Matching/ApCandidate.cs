namespace ParoleOnco.Features.Matching;

/// <summary>
/// What matching reads of an AP on offer: their lived experience, how they support, the number of patients they
/// accompany now (offered or accepted) and when they were last offered a patient (whatever they answered; null: never).
/// Only these columns are read: a referral ranks every AP of its establishment.
/// </summary>
public sealed record ApCandidate(
    Guid ApId,
    string Name,
    IReadOnlyList<string> CancerTypes,
    IReadOnlyList<string> Languages,
    string AgeBand,
    IReadOnlyList<string> Modalities,
    int Capacity,
    int ActivePatients,
    DateTimeOffset? LastOfferedAt = null)
{
    public int RemainingCapacity => Math.Max(0, Capacity - ActivePatients);
}

/// <summary>
/// A ranked AP with why it ranks there (codes of the cards' match reasons). <paramref name="Fit"/> is the score without
/// the capacity points: how well the AP's experience and ways suit the patient, before load is weighed.
/// </summary>
public sealed record Suggestion(ApCandidate Candidate, int Score, IReadOnlyList<string> Reasons, int Fit);
