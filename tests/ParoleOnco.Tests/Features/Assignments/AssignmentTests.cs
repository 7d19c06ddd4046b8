using ParoleOnco.Features.Assignments;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Assignments;

public class AssignmentTests
{
    private static readonly DateTimeOffset Later = At.AddHours(3);

    private static Assignment Offered() => new()
    {
        Id = Guid.NewGuid(),
        ReferralId = Guid.NewGuid(),
        ApId = Guid.NewGuid(),
        EstablishmentId = "E1",
        OfferedAt = At,
    };

    [Fact]
    public void A_new_assignment_is_an_offer_waiting_for_an_answer_and_uses_capacity()
    {
        var assignment = Offered();

        Assert.Equal(AssignmentStatus.Offered, assignment.Status);
        Assert.Null(assignment.AnsweredAt);
        Assert.True(assignment.UsesCapacity);
    }

    [Fact]
    public void An_accepted_assignment_records_when_and_keeps_using_capacity()
    {
        var assignment = Offered();

        assignment.Accept(Later);

        Assert.Equal(AssignmentStatus.Accepted, assignment.Status);
        Assert.Equal(Later, assignment.AnsweredAt);
        Assert.True(assignment.UsesCapacity);
    }

    [Fact]
    public void A_declined_assignment_records_when_and_frees_the_capacity()
    {
        var assignment = Offered();

        assignment.Decline(Later);

        Assert.Equal(AssignmentStatus.Declined, assignment.Status);
        Assert.Equal(Later, assignment.AnsweredAt);
        Assert.False(assignment.UsesCapacity);
    }

    [Fact]
    public void Accepting_twice_keeps_the_first_answer()
    {
        var assignment = Offered();
        assignment.Accept(Later);

        Assert.Throws<InvalidOperationException>(() => assignment.Accept(Later.AddMinutes(1)));

        Assert.Equal(AssignmentStatus.Accepted, assignment.Status);
        Assert.Equal(Later, assignment.AnsweredAt);
    }

    [Fact]
    public void An_accepted_assignment_cannot_be_declined_afterwards()
    {
        var assignment = Offered();
        assignment.Accept(Later);

        var refused = Assert.Throws<InvalidOperationException>(() => assignment.Decline(Later.AddMinutes(1)));

        Assert.Contains("Accepted", refused.Message);
        Assert.Equal(AssignmentStatus.Accepted, assignment.Status);
        Assert.Equal(Later, assignment.AnsweredAt);
    }

    [Fact]
    public void A_declined_assignment_cannot_be_accepted_afterwards()
    {
        var assignment = Offered();
        assignment.Decline(Later);

        Assert.Throws<InvalidOperationException>(() => assignment.Accept(Later.AddMinutes(1)));

        Assert.Equal(AssignmentStatus.Declined, assignment.Status);
        Assert.False(assignment.UsesCapacity);
        Assert.Equal(Later, assignment.AnsweredAt);
    }

    [Fact]
    public void Declining_twice_keeps_the_first_answer()
    {
        var assignment = Offered();
        assignment.Decline(Later);

        Assert.Throws<InvalidOperationException>(() => assignment.Decline(Later.AddMinutes(1)));

        Assert.Equal(Later, assignment.AnsweredAt);
    }
}
