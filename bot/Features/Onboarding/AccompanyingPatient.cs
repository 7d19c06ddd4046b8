using System.Linq.Expressions;

namespace ParoleOnco.Features.Onboarding;

public enum ApStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Why an approved AP is not offered patients for now: coordinators read it on the AP's card.</summary>
public enum PauseReason
{
    /// <summary>The AP paused themself (illness, holidays, a hard moment).</summary>
    Self,

    /// <summary>The AP removed the app: the bot cannot write to them.</summary>
    AppRemoved,

    /// <summary>Teams refuses the bot's messages to the AP (they blocked it, or an admin disabled it for them).</summary>
    Unreachable,
}

/// <summary>A former patient trained as a peer supporter, registered by themself and approved by a coordinator.</summary>
public sealed class AccompanyingPatient
{
    public Guid Id { get; init; }
    public required string AadObjectId { get; init; }
    public required string Name { get; set; }
    public required string EstablishmentId { get; set; }
    public required IReadOnlyList<string> Languages { get; set; }
    public required IReadOnlyList<string> CancerTypes { get; set; }
    public required string AgeBand { get; set; }
    public required IReadOnlyList<string> Modalities { get; set; }
    public int Capacity { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }

    public ApStatus Status { get; private set; }
    public bool Paused { get; private set; }
    public PauseReason? PauseReason { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// Only approved APs who have not paused themselves are offered to patients. One rule for the domain and for the
    /// queries that pick APs, so the tests of one are tests of the other.
    /// </summary>
    public static readonly Expression<Func<AccompanyingPatient, bool>> Available = a => a.Status == ApStatus.Approved && !a.Paused;

    private static readonly Func<AccompanyingPatient, bool> AvailableNow = Available.Compile();

    public bool IsAvailable => AvailableNow(this);

    public void Approve(string coordinatorName, DateTimeOffset at) => Decide(ApStatus.Approved, coordinatorName, at);

    public void Reject(string coordinatorName, DateTimeOffset at) => Decide(ApStatus.Rejected, coordinatorName, at);

    /// <summary>
    /// A patient is offered to this AP. It changes the AP's version, so two coordinators matching two patients to
    /// the same AP's last free place at once end in one match and one refreshed card.
    /// </summary>
    public void TakeOn() => Version++;

    public void Pause(PauseReason reason = Onboarding.PauseReason.Self) => SetPaused(true, reason);

    public void Resume() => SetPaused(false, null);

    private void Decide(ApStatus status, string coordinatorName, DateTimeOffset at)
    {
        if (Status != ApStatus.Pending)
        {
            throw new InvalidOperationException($"AP {Id} was already {Status}.");
        }

        Status = status;
        DecidedByName = coordinatorName;
        DecidedAt = at;
        Version++;
    }

    private void SetPaused(bool paused, PauseReason? reason)
    {
        if (Status != ApStatus.Approved)
        {
            throw new InvalidOperationException($"AP {Id} is {Status}: only approved APs pause.");
        }

        if (Paused != paused)
        {
            (Paused, PauseReason) = (paused, reason);
            Version++;
        }
    }
}
