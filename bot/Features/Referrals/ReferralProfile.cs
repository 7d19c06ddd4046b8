namespace ParoleOnco.Features.Referrals;

/// <summary>What matching needs to know of the patient, and all a coordinators' channel ever sees.</summary>
public sealed record ReferralProfile(
    string CancerType,
    string AgeBand,
    string Language,
    string Modality,
    IReadOnlyList<string> Needs);
