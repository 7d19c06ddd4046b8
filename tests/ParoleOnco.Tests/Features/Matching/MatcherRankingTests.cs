using System.Globalization;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Onboarding;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Matching;

public class MatcherRankingTests
{
    private static IReadOnlyList<string> RankedNames(IEnumerable<ApCandidate> candidates, int count = Matcher.DefaultCount) =>
        [.. Matcher.Suggest(Patient(), candidates, count).Select(s => s.Candidate.Name)];

    private static ApCandidate Idle(AccompanyingPatient ap) => Candidate(ap, 0);

    [Fact]
    public void An_AP_with_the_same_cancer_ranks_above_one_who_only_shares_the_language()
    {
        var sameLanguage = Idle(Ap("Lina", languages: ["fr"]));
        var sameCancer = Idle(Ap("Zoé", cancerTypes: ["breast"]));

        Assert.Equal(["Zoé", "Lina"], RankedNames([sameLanguage, sameCancer]));
    }

    [Fact]
    public void Cancer_then_language_then_age_band_then_modality_weigh_in_that_order()
    {
        // Names in the reverse order, so only the scores can put them in this one.
        var cancer = Idle(Ap("Dana", cancerTypes: ["breast"]));
        var language = Idle(Ap("Claire", languages: ["fr"]));
        var ageBand = Idle(Ap("Bea", ageBand: "45-54"));
        var modality = Idle(Ap("Anne", modalities: ["phone"]));

        Assert.Equal(["Dana", "Claire", "Bea", "Anne"], RankedNames([modality, ageBand, language, cancer]));
    }

    [Fact]
    public void An_AP_with_most_capacity_free_ranks_above_a_nearly_full_one()
    {
        var nearlyFull = Candidate(Ap("Anne", capacity: 4), 3);
        var mostlyFree = Candidate(Ap("Zoé", capacity: 4), 1);

        Assert.Equal(["Zoé", "Anne"], RankedNames([nearlyFull, mostlyFree]));
    }

    [Fact]
    public void On_equal_scores_the_AP_with_fewer_active_patients_comes_first()
    {
        // 1 of 2 and 2 of 4 both leave half the capacity free: same score.
        var twoActive = Candidate(Ap("Anne", capacity: 4), 2);
        var oneActive = Candidate(Ap("Zoé", capacity: 2), 1);
        Assert.Equal(Matcher.Score(Patient(), twoActive).Score, Matcher.Score(Patient(), oneActive).Score);

        Assert.Equal(["Zoé", "Anne"], RankedNames([twoActive, oneActive]));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private static ApCandidate OfferedDaysAgo(AccompanyingPatient ap, int days, int activePatients = 0) =>
        Candidate(ap, activePatients) with { LastOfferedAt = Now.AddDays(-days) };

    [Fact]
    public void Among_APs_who_fit_equally_the_one_offered_a_patient_least_recently_comes_first()
    {
        // Names in the reverse order, so only the last offer can put them in this one.
        Assert.Equal(["Zoé", "Lina", "Anne"], RankedNames([OfferedDaysAgo(Ap("Anne"), 1), OfferedDaysAgo(Ap("Zoé"), 30), OfferedDaysAgo(Ap("Lina"), 12)]));
    }

    [Fact]
    public void An_AP_never_offered_a_patient_comes_before_one_offered_long_ago()
    {
        Assert.Equal(["Zoé", "Anne"], RankedNames([OfferedDaysAgo(Ap("Anne"), 400), Idle(Ap("Zoé"))]));
    }

    [Fact]
    public void An_AP_who_just_declined_is_not_first_although_their_free_capacity_scores_more()
    {
        // The decline freed the AP's capacity: more points than a peer with a patient, who was offered one earlier.
        var justDeclined = OfferedDaysAgo(Ap("Anne", capacity: 2), 0);
        var withAPatient = OfferedDaysAgo(Ap("Zoé", capacity: 2), 3, activePatients: 1);
        Assert.True(Matcher.Score(Patient(), justDeclined).Score > Matcher.Score(Patient(), withAPatient).Score);

        Assert.Equal(["Zoé", "Anne"], RankedNames([justDeclined, withAPatient]));
    }

    [Fact]
    public void A_better_fit_comes_first_however_recently_they_were_offered_a_patient()
    {
        var sameCancer = OfferedDaysAgo(Ap("Zoé", cancerTypes: ["breast"]), 0);

        Assert.Equal(["Zoé", "Anne"], RankedNames([Idle(Ap("Anne")), sameCancer]));
    }

    [Fact]
    public void On_equal_scores_and_load_APs_come_in_name_order()
    {
        Assert.Equal(["Anne", "Béatrice", "Chloé"], RankedNames([Idle(Ap("Chloé")), Idle(Ap("Anne")), Idle(Ap("Béatrice"))]));
    }

    [Fact]
    public void Names_are_ordered_as_people_read_them_so_accents_do_not_send_a_name_last()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-CA");
        try
        {
            // Ordinal order would put "Émilie" after "Zoé".
            Assert.Equal(["Émilie", "Zoé"], RankedNames([Idle(Ap("Zoé")), Idle(Ap("Émilie"))]));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void On_equal_scores_load_and_name_the_id_decides()
    {
        var first = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var second = Guid.Parse("00000000-0000-0000-0000-000000000002");

        var ranked = Matcher.Suggest(Patient(), [Idle(Ap("Anne", id: second)), Idle(Ap("Anne", id: first))]);

        Assert.Equal([first, second], ranked.Select(s => s.Candidate.ApId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_ranking_does_not_depend_on_the_order_the_APs_are_loaded_in(int seed)
    {
        // Pairs that differ only by id: only a total order gives the same list for every input order.
        AccompanyingPatient[] aps =
        [
            Ap("Anne", cancerTypes: ["breast"]), Ap("Anne", cancerTypes: ["breast"]), Ap("Anne"), Ap("Anne"),
            Ap("Béatrice", languages: ["fr"]), Ap("Béatrice", languages: ["fr"]), Ap("Chloé", capacity: 4), Ap("Chloé", capacity: 4),
        ];
        ApCandidate[] candidates = [.. aps.Select((ap, i) => Candidate(ap, i / 2 % 2))];
        var expected = Matcher.Suggest(Patient(), candidates, candidates.Length).Select(s => s.Candidate.ApId).ToArray();

        var shuffled = candidates.ToArray();
        new Random(seed).Shuffle(shuffled);
        var ranked = Matcher.Suggest(Patient(), shuffled, shuffled.Length).Select(s => s.Candidate.ApId).ToArray();

        Assert.Equal(expected, ranked);
    }

    [Fact]
    public void At_most_five_APs_are_suggested_by_default()
    {
        var candidates = Enumerable.Range(1, 7).Select(i => Idle(Ap($"AP {i}"))).ToArray();

        Assert.Equal(["AP 1", "AP 2", "AP 3", "AP 4", "AP 5"], RankedNames(candidates));
    }

    [Fact]
    public void The_count_limits_the_suggestions_to_the_best_ones()
    {
        var best = Idle(Ap("Zoé", cancerTypes: ["breast"]));
        var second = Idle(Ap("Yasmine", languages: ["fr"]));

        Assert.Equal(["Zoé", "Yasmine"], RankedNames([Idle(Ap("Anne")), second, Idle(Ap("Béatrice")), best], count: 2));
    }

    [Fact]
    public void Fewer_candidates_than_the_count_are_all_suggested()
    {
        Assert.Equal(2, Matcher.Suggest(Patient(), [Idle(Ap()), Idle(Ap())], count: 5).Count);
    }

    [Fact]
    public void A_count_of_zero_suggests_nobody()
    {
        Assert.Empty(Matcher.Suggest(Patient(), [Idle(Ap())], count: 0));
    }

    [Fact]
    public void No_candidates_give_no_suggestions()
    {
        Assert.Empty(Matcher.Suggest(Patient(), []));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 3)]
    [InlineData(0, 0)]
    public void An_AP_at_or_over_capacity_is_not_suggested(int capacity, int active)
    {
        var full = Candidate(Ap("Zoé", cancerTypes: ["breast"], capacity: capacity), active);

        Assert.Equal(["Anne"], RankedNames([full, Idle(Ap("Anne"))]));
    }

    [Fact]
    public void An_AP_with_one_place_left_is_still_suggested()
    {
        Assert.Equal(["Zoé"], RankedNames([Candidate(Ap("Zoé", capacity: 3), 2)]));
    }

    [Fact]
    public void Two_unlisted_languages_are_not_a_shared_language()
    {
        var suggestion = Matcher.Score(Patient(language: "other"), Idle(Ap(languages: ["other"])));

        Assert.DoesNotContain("language", suggestion.Reasons);
    }

    [Fact]
    public void Two_unlisted_cancers_are_not_the_same_cancer()
    {
        var suggestion = Matcher.Score(Patient(cancerType: "other"), Idle(Ap(cancerTypes: ["other"])));

        Assert.DoesNotContain("sameCancer", suggestion.Reasons);
    }
}
