namespace ParoleOnco.Features.Matching;

public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>How long an AP has to answer an offer before the patient goes back to the coordinators' queue.</summary>
    public TimeSpan OfferExpiresAfter { get; init; } = TimeSpan.FromDays(2);
}
