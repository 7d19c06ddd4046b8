namespace ParoleOnco.Features.People;

/// <summary>What the organisation's directory says of a person: a guest account or not, and which of the groups asked about they belong to (transitively).</summary>
public sealed record DirectoryEntry(bool IsGuest, IReadOnlySet<string> MemberOf);

/// <summary>The organisation's directory (Microsoft Entra ID, through Microsoft Graph).</summary>
public interface IDirectory
{
    /// <summary>The person's entry, with their memberships among <paramref name="groupIds"/>; null when the directory could not be asked.</summary>
    Task<DirectoryEntry?> LookUpAsync(string aadObjectId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken);
}
