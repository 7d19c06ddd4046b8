using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Tests.Features;

/// <summary>Domain objects in a known, valid state; each test changes only what it is about.</summary>
internal static class Samples
{
    // UTC, as the clock gives it: PostgreSQL stores only UTC offsets.
    public static readonly DateTimeOffset At = new(2026, 3, 14, 19, 9, 26, TimeSpan.Zero);

    /// <param name="e1Pattern">E1's own <see cref="Establishment.PatientCodePattern"/>, if any.</param>
    public static EstablishmentCatalog Catalog(string? e1Pattern = null) => new(Options.Create(new EstablishmentOptions
    {
        Establishments =
        [
            new Establishment { Id = "E1", Name = "CHUM", Programs = ["breast"], PatientCodePattern = e1Pattern },
            new Establishment { Id = "E2", Name = "CHU de Québec–Université Laval", Programs = ["breast", "oncogenetics"], Language = "fr-CA" },
        ],
    }));

    public static ReferralProfile Patient(
        string cancerType = "breast", string ageBand = "45-54", string language = "fr", string modality = "phone") =>
        new(cancerType, ageBand, language, modality, ["emotional"]);

    /// <summary>An AP sharing nothing with <see cref="Patient"/>, approved unless told otherwise.</summary>
    public static AccompanyingPatient Ap(
        string name = "Anne",
        string[]? cancerTypes = null,
        string[]? languages = null,
        string ageBand = "75+",
        string[]? modalities = null,
        int capacity = 2,
        ApStatus status = ApStatus.Approved,
        Guid? id = null)
    {
        var ap = new AccompanyingPatient
        {
            Id = id ?? Guid.NewGuid(),
            AadObjectId = Guid.NewGuid().ToString(),
            Name = name,
            EstablishmentId = "E1",
            CancerTypes = cancerTypes ?? ["gynecological"],
            Languages = languages ?? ["es"],
            AgeBand = ageBand,
            Modalities = modalities ?? ["video"],
            Capacity = capacity,
            RegisteredAt = At,
        };
        if (status == ApStatus.Approved)
        {
            ap.Approve("Marie Tremblay", At);
        }
        else if (status == ApStatus.Rejected)
        {
            ap.Reject("Marie Tremblay", At);
        }

        return ap;
    }

    /// <summary>An AP as matching reads them, accompanying <paramref name="activePatients"/> patients.</summary>
    public static ApCandidate Candidate(AccompanyingPatient ap, int activePatients) =>
        new(ap.Id, ap.Name, ap.CancerTypes, ap.Languages, ap.AgeBand, ap.Modalities, ap.Capacity, activePatients);

    public static Referral SubmittedReferral() => new()
    {
        Id = Guid.NewGuid(),
        FormId = "form-1",
        PatientCode = "CHUM-0042",
        EstablishmentId = "E1",
        CancerType = "breast",
        AgeBand = "45-54",
        Language = "fr",
        Modality = "phone",
        Needs = ["emotional", "navigational"],
        ProtectedPhone = "protected",
        ReferrerAadObjectId = "clinician-aad",
        ReferrerName = "Dre Gagnon",
        SubmittedAt = At,
    };

    /// <summary>A referral form as Teams sends it back when everything is filled in correctly.</summary>
    public static CardActionData ReferralForm() => new()
    {
        FormId = "form-1",
        PatientCode = "chum-0042",
        Consent = "true",
        EstablishmentId = "E1",
        CancerType = "breast",
        AgeBand = "45-54",
        Language = "fr",
        Modality = "phone",
        Needs = "emotional,navigational",
        Phone = "514-555-1234",
        Note = "Prefers calls in the afternoon",
    };

    /// <summary>An AP registration form as Teams sends it back when everything is filled in correctly.</summary>
    public static CardActionData RegistrationForm() => new()
    {
        EstablishmentId = "E1",
        Languages = "fr,en",
        CancerTypes = "breast",
        AgeBand = "55-64",
        Modalities = "phone,video",
        Capacity = "3",
    };
}
