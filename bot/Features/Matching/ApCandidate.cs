using ParoleOnco.Features.Onboarding;

namespace ParoleOnco.Features.Matching;

/// <summary>An AP with the number of patients they accompany now (offered or accepted).</summary>
public sealed record ApCandidate(AccompanyingPatient Ap, int ActivePatients)
{
    public int RemainingCapacity => Math.Max(0, Ap.Capacity - ActivePatients);
}

/// <summary>A ranked AP with why it ranks there (codes of the cards' match reasons).</summary>
public sealed record Suggestion(ApCandidate Candidate, int Score, IReadOnlyList<string> Reasons);
