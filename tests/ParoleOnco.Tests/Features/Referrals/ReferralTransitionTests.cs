using ParoleOnco.Features.Referrals;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Referrals;

public class ReferralTransitionTests
{
    private static readonly Guid ApA = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid ApB = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset Later = At.AddHours(2);

    [Fact]
    public void A_new_referral_waits_for_the_coordinators()
    {
        var referral = SubmittedReferral();

        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.True(referral.IsOpen);
        Assert.Null(referral.ApId);
        Assert.Equal(0, referral.Version);
    }

    [Fact]
    public void The_profile_is_what_matching_needs_of_the_referral()
    {
        var profile = SubmittedReferral().Profile;

        Assert.Equal(("breast", "45-54", "fr", "phone"), (profile.CancerType, profile.AgeBand, profile.Language, profile.Modality));
        Assert.Equal(["emotional", "navigational"], profile.Needs);
    }

    [Fact]
    public void Matching_a_submitted_referral_offers_it_to_the_AP_and_records_who_decided()
    {
        var referral = SubmittedReferral();

        referral.Match(ApA, "coordinator-aad", "Marie Tremblay", At);

        Assert.Equal(ReferralStatus.Matched, referral.Status);
        Assert.False(referral.IsOpen);
        Assert.Equal(ApA, referral.ApId);
        Assert.Equal("coordinator-aad", referral.DecidedByAadObjectId);
        Assert.Equal("Marie Tremblay", referral.DecidedByName);
        Assert.Equal(At, referral.DecidedAt);
        Assert.Null(referral.DeclineReason);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void Declining_a_submitted_referral_records_the_reason_and_who_decided()
    {
        var referral = SubmittedReferral();

        referral.Decline("Aucun PA disponible en arabe", "coordinator-aad", "Marie Tremblay", At);

        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.False(referral.IsOpen);
        Assert.Null(referral.ApId);
        Assert.Equal("Aucun PA disponible en arabe", referral.DeclineReason);
        Assert.Equal("Marie Tremblay", referral.DecidedByName);
        Assert.Equal(At, referral.DecidedAt);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void The_AP_accepting_starts_the_accompaniment_and_keeps_the_coordinator_decision()
    {
        var referral = Matched(ApA);

        referral.AcceptAssignment(ApA, Later);

        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal(ApA, referral.ApId);
        Assert.Equal(Later, referral.AcceptedAt);
        Assert.Equal("Marie Tremblay", referral.DecidedByName);
        Assert.Equal(At, referral.DecidedAt);
        Assert.Equal(2, referral.Version);
    }

    [Fact]
    public void The_AP_saying_no_puts_the_referral_back_in_the_queue_as_if_undecided()
    {
        var referral = Matched(ApA);

        referral.ReturnToQueue(ApA);

        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.True(referral.IsOpen);
        Assert.Null(referral.ApId);
        Assert.Null(referral.DecidedByAadObjectId);
        Assert.Null(referral.DecidedByName);
        Assert.Null(referral.DecidedAt);
        Assert.Null(referral.AcceptedAt);
        Assert.Equal(2, referral.Version);
    }

    [Fact]
    public void A_referral_back_in_the_queue_can_be_matched_to_another_AP()
    {
        var referral = Matched(ApA);
        referral.ReturnToQueue(ApA);

        referral.Match(ApB, "other-coordinator-aad", "Julie Roy", Later);

        Assert.Equal(ReferralStatus.Matched, referral.Status);
        Assert.Equal(ApB, referral.ApId);
        Assert.Equal("Julie Roy", referral.DecidedByName);
        Assert.Equal(3, referral.Version);
    }

    [Fact]
    public void A_referral_back_in_the_queue_can_be_declined()
    {
        var referral = Matched(ApA);
        referral.ReturnToQueue(ApA);

        referral.Decline("Plus de PA disponible", "coordinator-aad", "Marie Tremblay", Later);

        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Equal(3, referral.Version);
    }

    [Fact]
    public void A_matched_referral_cannot_be_matched_again()
    {
        var referral = Matched(ApA);

        var refused = Assert.Throws<InvalidReferralTransitionException>(
            () => referral.Match(ApB, "other-coordinator-aad", "Julie Roy", Later));

        Assert.Contains("Matched", refused.Message);
        Assert.Equal(ApA, referral.ApId);
        Assert.Equal("Marie Tremblay", referral.DecidedByName);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void A_declined_referral_cannot_be_matched_and_keeps_its_reason()
    {
        var referral = Declined();

        Assert.Throws<InvalidReferralTransitionException>(() => referral.Match(ApA, "coordinator-aad", "Julie Roy", Later));

        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Equal("Aucun PA disponible", referral.DeclineReason);
        Assert.Null(referral.ApId);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void Only_the_AP_the_referral_was_offered_to_can_accept_it()
    {
        var referral = Matched(ApA);

        var refused = Assert.Throws<InvalidReferralTransitionException>(() => referral.AcceptAssignment(ApB, Later));

        Assert.Contains("another AP", refused.Message);
        Assert.Equal(ReferralStatus.Matched, referral.Status);
        Assert.Null(referral.AcceptedAt);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void Only_the_AP_the_referral_was_offered_to_can_send_it_back()
    {
        var referral = Matched(ApA);

        Assert.Throws<InvalidReferralTransitionException>(() => referral.ReturnToQueue(ApB));

        Assert.Equal(ReferralStatus.Matched, referral.Status);
        Assert.Equal(ApA, referral.ApId);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void An_accepted_referral_cannot_be_sent_back_by_its_AP()
    {
        var referral = Matched(ApA);
        referral.AcceptAssignment(ApA, Later);

        Assert.Throws<InvalidReferralTransitionException>(() => referral.ReturnToQueue(ApA));

        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal(ApA, referral.ApId);
        Assert.Equal(2, referral.Version);
    }

    public static TheoryData<ReferralStatus, string> IllegalMoves => new()
    {
        { ReferralStatus.Submitted, nameof(Referral.AcceptAssignment) },
        { ReferralStatus.Submitted, nameof(Referral.ReturnToQueue) },
        { ReferralStatus.Matched, nameof(Referral.Match) },
        { ReferralStatus.Matched, nameof(Referral.Decline) },
        { ReferralStatus.Accepted, nameof(Referral.Match) },
        { ReferralStatus.Accepted, nameof(Referral.Decline) },
        { ReferralStatus.Accepted, nameof(Referral.AcceptAssignment) },
        { ReferralStatus.Accepted, nameof(Referral.ReturnToQueue) },
        { ReferralStatus.Declined, nameof(Referral.Match) },
        { ReferralStatus.Declined, nameof(Referral.Decline) },
        { ReferralStatus.Declined, nameof(Referral.AcceptAssignment) },
        { ReferralStatus.Declined, nameof(Referral.ReturnToQueue) },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void An_illegal_move_is_refused_and_changes_nothing(ReferralStatus status, string move)
    {
        var referral = InStatus(status);
        var before = Snapshot(referral);

        var refused = Assert.Throws<InvalidReferralTransitionException>(() => Apply(move, referral));

        Assert.IsAssignableFrom<InvalidOperationException>(refused);
        Assert.Contains(referral.Id.ToString(), refused.Message);
        Assert.Contains(status.ToString(), refused.Message);
        Assert.Equal(before, Snapshot(referral));
    }

    private static Referral Matched(Guid apId)
    {
        var referral = SubmittedReferral();
        referral.Match(apId, "coordinator-aad", "Marie Tremblay", At);
        return referral;
    }

    private static Referral Declined()
    {
        var referral = SubmittedReferral();
        referral.Decline("Aucun PA disponible", "coordinator-aad", "Marie Tremblay", At);
        return referral;
    }

    private static Referral InStatus(ReferralStatus status)
    {
        switch (status)
        {
            case ReferralStatus.Submitted:
                return SubmittedReferral();
            case ReferralStatus.Matched:
                return Matched(ApA);
            case ReferralStatus.Declined:
                return Declined();
            default:
                var accepted = Matched(ApA);
                accepted.AcceptAssignment(ApA, Later);
                return accepted;
        }
    }

    // The AP the move names is the one the referral is offered to, so only the status can make it illegal.
    private static void Apply(string move, Referral referral)
    {
        switch (move)
        {
            case nameof(Referral.Match):
                referral.Match(ApB, "other-coordinator-aad", "Julie Roy", Later);
                break;
            case nameof(Referral.Decline):
                referral.Decline("Trop tard", "other-coordinator-aad", "Julie Roy", Later);
                break;
            case nameof(Referral.AcceptAssignment):
                referral.AcceptAssignment(ApA, Later);
                break;
            case nameof(Referral.ReturnToQueue):
                referral.ReturnToQueue(ApA);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    private static object Snapshot(Referral r) =>
        (r.Status, r.ApId, r.DecidedByAadObjectId, r.DecidedByName, r.DecidedAt, r.DeclineReason, r.AcceptedAt, r.Version);
}
