namespace ParoleOnco.Cards;

/// <summary>The codes cards offer as choices and send back; labels come from the resources.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> CancerTypes = ["breast", "gynecological", "hereditary", "other"];
    public static readonly IReadOnlyList<string> AgeBands = ["18-44", "45-54", "55-64", "65-74", "75+"];
    public static readonly IReadOnlyList<string> Modalities = ["phone", "inPerson", "video"];
    public static readonly IReadOnlyList<string> Needs = ["emotional", "informational", "cognitive", "navigational"];
    public static readonly IReadOnlyList<string> Languages = ["fr", "en", "es", "ar", "other"];

    /// <summary>How an accompaniment ended.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["completed", "patientEnded", "unreachable", "referredElsewhere", "other"];

    /// <summary>The patient's satisfaction as they reported it, 1 (not at all) to 5 (very).</summary>
    public static readonly IReadOnlyList<string> Satisfaction = ["1", "2", "3", "4", "5"];

    /// <summary>Reasons a suggestion ranks where it does.</summary>
    public static readonly IReadOnlyList<string> MatchReasons = ["sameCancer", "language", "ageBand", "modality", "capacity"];

    /// <summary>Validation error codes a form can show beside a field.</summary>
    public static readonly IReadOnlyList<string> ErrorCodes =
        ["required", "consentRequired", "invalidPatientCode", "invalidPhone", "invalidChoice", "invalidCapacity", "tooLong",
         "invalidDate", "dateInFuture", "dateInPast", "dateTooOld", "invalidDuration", "invalidParking", "invalidKilometres",
         "attentionReasonRequired", "attentionSwitchedOff", "noProgramForCancerType"];
}
