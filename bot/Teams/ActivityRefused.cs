namespace ParoleOnco.Teams;

/// <summary>
/// An activity refused before any turn runs, with the status <c>/api/messages</c> answers. Thrown instead of the
/// SDK's own exceptions: the SDK answers 500 to all but one of them, and logs that one with the token's claims.
/// </summary>
public sealed class ActivityRefused(int status) : Exception($"Activity refused with {status}.")
{
    public int Status { get; } = status;
}
