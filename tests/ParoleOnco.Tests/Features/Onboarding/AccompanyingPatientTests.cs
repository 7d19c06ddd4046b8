using ParoleOnco.Features.Onboarding;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Onboarding;

public class AccompanyingPatientTests
{
    private static readonly DateTimeOffset Later = At.AddDays(1);

    private static AccompanyingPatient Pending() => Ap(status: ApStatus.Pending);

    [Fact]
    public void A_new_AP_waits_for_a_coordinator_and_is_not_available()
    {
        var ap = Pending();

        Assert.Equal(ApStatus.Pending, ap.Status);
        Assert.False(ap.Paused);
        Assert.False(ap.IsAvailable);
        Assert.Null(ap.DecidedByName);
        Assert.Null(ap.DecidedAt);
        Assert.Equal(0, ap.Version);
    }

    [Fact]
    public void Approving_an_AP_makes_them_available_and_records_who_decided()
    {
        var ap = Pending();

        ap.Approve("Marie Tremblay", Later);

        Assert.Equal(ApStatus.Approved, ap.Status);
        Assert.True(ap.IsAvailable);
        Assert.Equal("Marie Tremblay", ap.DecidedByName);
        Assert.Equal(Later, ap.DecidedAt);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void Rejecting_an_AP_keeps_them_unavailable_and_records_who_decided()
    {
        var ap = Pending();

        ap.Reject("Marie Tremblay", Later);

        Assert.Equal(ApStatus.Rejected, ap.Status);
        Assert.False(ap.IsAvailable);
        Assert.Equal("Marie Tremblay", ap.DecidedByName);
        Assert.Equal(Later, ap.DecidedAt);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void Approving_an_AP_twice_keeps_the_first_decision()
    {
        var ap = Pending();
        ap.Approve("Marie Tremblay", At);

        Assert.Throws<InvalidOperationException>(() => ap.Approve("Julie Roy", Later));

        Assert.Equal("Marie Tremblay", ap.DecidedByName);
        Assert.Equal(At, ap.DecidedAt);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void An_approved_AP_cannot_be_rejected_afterwards()
    {
        var ap = Pending();
        ap.Approve("Marie Tremblay", At);

        Assert.Throws<InvalidOperationException>(() => ap.Reject("Julie Roy", Later));

        Assert.Equal(ApStatus.Approved, ap.Status);
        Assert.True(ap.IsAvailable);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void A_rejected_AP_cannot_be_approved_afterwards()
    {
        var ap = Pending();
        ap.Reject("Marie Tremblay", At);

        Assert.Throws<InvalidOperationException>(() => ap.Approve("Julie Roy", Later));

        Assert.Equal(ApStatus.Rejected, ap.Status);
        Assert.Equal("Marie Tremblay", ap.DecidedByName);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void Rejecting_an_AP_twice_keeps_the_first_decision()
    {
        var ap = Pending();
        ap.Reject("Marie Tremblay", At);

        Assert.Throws<InvalidOperationException>(() => ap.Reject("Julie Roy", Later));

        Assert.Equal("Marie Tremblay", ap.DecidedByName);
        Assert.Equal(1, ap.Version);
    }

    [Fact]
    public void An_approved_AP_who_pauses_is_no_longer_available()
    {
        var ap = Ap();

        ap.Pause();

        Assert.True(ap.Paused);
        Assert.False(ap.IsAvailable);
        Assert.Equal(ApStatus.Approved, ap.Status);
        Assert.Equal(2, ap.Version);
    }

    [Fact]
    public void A_paused_AP_who_resumes_is_available_again()
    {
        var ap = Ap();
        ap.Pause();

        ap.Resume();

        Assert.False(ap.Paused);
        Assert.True(ap.IsAvailable);
        Assert.Equal(3, ap.Version);
    }

    [Theory]
    [InlineData(ApStatus.Pending)]
    [InlineData(ApStatus.Rejected)]
    public void Only_an_approved_AP_can_pause(ApStatus status)
    {
        var ap = Ap(status: status);
        var version = ap.Version;

        Assert.Throws<InvalidOperationException>(() => ap.Pause());

        Assert.False(ap.Paused);
        Assert.Equal(version, ap.Version);
    }

    [Theory]
    [InlineData(ApStatus.Pending)]
    [InlineData(ApStatus.Rejected)]
    public void Only_an_approved_AP_can_resume(ApStatus status)
    {
        var ap = Ap(status: status);
        var version = ap.Version;

        Assert.Throws<InvalidOperationException>(ap.Resume);

        Assert.Equal(version, ap.Version);
    }

    [Fact]
    public void A_decision_message_names_the_AP_and_the_status_it_already_has()
    {
        var ap = Pending();
        ap.Reject("Marie Tremblay", At);

        var refused = Assert.Throws<InvalidOperationException>(() => ap.Approve("Julie Roy", Later));

        Assert.Contains(ap.Id.ToString(), refused.Message);
        Assert.Contains("Rejected", refused.Message);
    }
}
