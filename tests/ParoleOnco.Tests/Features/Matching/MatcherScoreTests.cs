using ParoleOnco.Cards;
using ParoleOnco.Features.Matching;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Matching;

public class MatcherScoreTests
{
    // The sample AP shares nothing with the sample patient, so only what a test changes scores, plus capacity.
    private static Suggestion Score(ParoleOnco.Features.Onboarding.AccompanyingPatient ap, int activePatients = 0) =>
        Matcher.Score(Patient(), Candidate(ap, activePatients));

    [Fact]
    public void An_AP_sharing_nothing_but_free_time_scores_only_capacity()
    {
        var suggestion = Score(Ap());

        Assert.Equal(Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["capacity"], suggestion.Reasons);
    }

    [Fact]
    public void Having_lived_the_same_cancer_earns_the_same_cancer_points()
    {
        var suggestion = Score(Ap(cancerTypes: ["gynecological", "breast"]));

        Assert.Equal(Matcher.SameCancerPoints + Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["sameCancer", "capacity"], suggestion.Reasons);
    }

    [Fact]
    public void Speaking_the_patient_s_language_earns_the_language_points()
    {
        var suggestion = Score(Ap(languages: ["en", "fr"]));

        Assert.Equal(Matcher.LanguagePoints + Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["language", "capacity"], suggestion.Reasons);
    }

    [Fact]
    public void The_same_age_band_earns_the_age_band_points()
    {
        var suggestion = Score(Ap(ageBand: "45-54"));

        Assert.Equal(Matcher.SameAgeBandPoints + Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["ageBand", "capacity"], suggestion.Reasons);
    }

    [Theory]
    [InlineData("18-44")]
    [InlineData("55-64")]
    public void A_neighbour_age_band_on_either_side_earns_fewer_age_band_points(string apAgeBand)
    {
        var suggestion = Score(Ap(ageBand: apAgeBand));

        Assert.Equal(Matcher.NeighbourAgeBandPoints + Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["ageBand", "capacity"], suggestion.Reasons);
    }

    [Theory]
    [InlineData("65-74")]
    [InlineData("75+")]
    [InlineData("50-60")]
    [InlineData("")]
    public void An_age_band_two_bands_away_or_unknown_earns_nothing(string apAgeBand)
    {
        var suggestion = Score(Ap(ageBand: apAgeBand));

        Assert.Equal(Matcher.CapacityPoints, suggestion.Score);
        Assert.DoesNotContain("ageBand", suggestion.Reasons);
    }

    [Fact]
    public void The_oldest_band_neighbours_only_the_one_below_it()
    {
        var patient = Patient(ageBand: "75+");

        Assert.Contains("ageBand", Matcher.Score(patient, Candidate(Ap(ageBand: "65-74"), 0)).Reasons);
        Assert.DoesNotContain("ageBand", Matcher.Score(patient, Candidate(Ap(ageBand: "55-64"), 0)).Reasons);
    }

    [Fact]
    public void Offering_the_patient_s_modality_earns_the_modality_points()
    {
        var suggestion = Score(Ap(modalities: ["video", "phone"]));

        Assert.Equal(Matcher.ModalityPoints + Matcher.CapacityPoints, suggestion.Score);
        Assert.Equal(["modality", "capacity"], suggestion.Reasons);
    }

    [Fact]
    public void A_perfect_match_with_all_capacity_free_scores_100_with_every_reason_in_card_order()
    {
        var ap = Ap(cancerTypes: ["breast"], languages: ["fr"], ageBand: "45-54", modalities: ["phone"]);

        var suggestion = Score(ap);

        Assert.Equal(100, suggestion.Score);
        Assert.Equal(Vocabulary.MatchReasons, suggestion.Reasons);
    }

    [Theory]
    [InlineData(4, 0, 10)]
    [InlineData(4, 1, 7)]
    [InlineData(4, 2, 5)]
    [InlineData(3, 2, 3)]
    [InlineData(10, 9, 1)]
    public void Capacity_points_are_proportional_to_the_free_share_of_capacity(int capacity, int active, int expected)
    {
        var suggestion = Score(Ap(capacity: capacity), active);

        Assert.Equal(expected, suggestion.Score);
        Assert.Equal(["capacity"], suggestion.Reasons);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 5)]
    [InlineData(0, 0)]
    public void A_full_AP_earns_no_capacity_points_and_no_capacity_reason(int capacity, int active)
    {
        var suggestion = Score(Ap(capacity: capacity), active);

        Assert.Equal(0, suggestion.Score);
        Assert.Empty(suggestion.Reasons);
    }

    [Fact]
    public void Remaining_capacity_never_goes_below_zero()
    {
        Assert.Equal(0, Candidate(Ap(capacity: 2), 3).RemainingCapacity);
        Assert.Equal(1, Candidate(Ap(capacity: 2), 1).RemainingCapacity);
    }

    [Fact]
    public void A_suggestion_keeps_the_candidate_it_scores()
    {
        var candidate = Candidate(Ap(), 1);

        Assert.Same(candidate, Matcher.Score(Patient(), candidate).Candidate);
    }
}
