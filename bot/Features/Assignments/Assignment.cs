using System.Linq.Expressions;

namespace ParoleOnco.Features.Assignments;

public enum AssignmentStatus
{
    Offered,
    Accepted,
    Declined,

    /// <summary>The accompaniment ended.</summary>
    Closed,

    /// <summary>The offer never reached the AP (Teams refuses the bot's messages to them): back to the queue, not a "no".</summary>
    Withdrawn,

    /// <summary>The AP did not answer within <c>Matching:OfferExpiresAfter</c>: back to the queue, not a "no".</summary>
    Expired,
}

/// <summary>A referral offered to one AP. A declined assignment stays, so the AP is not offered that patient again.</summary>
public sealed class Assignment
{
    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }
    public Guid ApId { get; init; }

    /// <summary>The referral's establishment, kept on the offer: the program's figures count offers and answers without a join.</summary>
    public required string EstablishmentId { get; init; }

    public DateTimeOffset OfferedAt { get; init; }
    public AssignmentStatus Status { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>
    /// Offered and accepted assignments use the AP's capacity. One rule for the domain and for the queries that count
    /// an AP's patients, so the tests of one are tests of the other.
    /// </summary>
    public static readonly Expression<Func<Assignment, bool>> UsingCapacity =
        a => a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted;

    private static readonly Func<Assignment, bool> UsingCapacityNow = UsingCapacity.Compile();

    public bool UsesCapacity => UsingCapacityNow(this);

    public void Accept(DateTimeOffset at) => Answer(AssignmentStatus.Accepted, at);

    public void Decline(DateTimeOffset at) => Answer(AssignmentStatus.Declined, at);

    public void Withdraw(DateTimeOffset at) => Answer(AssignmentStatus.Withdrawn, at);

    public void Expire(DateTimeOffset at) => Answer(AssignmentStatus.Expired, at);

    public void Close()
    {
        if (Status != AssignmentStatus.Accepted)
        {
            throw new InvalidOperationException($"Assignment {Id} is {Status}: only an accepted one closes.");
        }

        Status = AssignmentStatus.Closed;
    }

    private void Answer(AssignmentStatus status, DateTimeOffset at)
    {
        if (Status != AssignmentStatus.Offered)
        {
            throw new InvalidOperationException($"Assignment {Id} was already {Status}.");
        }

        Status = status;
        AnsweredAt = at;
    }
}
