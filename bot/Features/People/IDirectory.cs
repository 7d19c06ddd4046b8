namespace ParoleOnco.Features.People;

/// <summary>What the organisation's directory says of a person: a guest account or not, and which of the groups asked about they belong to (transitively).</summary>
public sealed record DirectoryEntry(bool IsGuest, IReadOnlySet<string> MemberOf);

/// <summary>A person of the directory: their Entra object id, their name and the language of their Microsoft 365 settings.</summary>
public sealed record DirectoryPerson(string AadObjectId, string DisplayName, string? PreferredLanguage);

/// <summary>What looking a person up gave.</summary>
public abstract record PersonLookup
{
    private PersonLookup() { }

    public sealed record Found(DirectoryPerson Person) : PersonLookup;

    /// <summary>The directory has nobody of that address or id.</summary>
    public sealed record NotFound : PersonLookup;

    /// <summary>Microsoft Graph is not configured (no credentials, local): there is no directory to ask.</summary>
    public sealed record NoDirectory : PersonLookup;

    /// <summary>Graph did not answer (down, throttled beyond its retries, no consent): try again later.</summary>
    public sealed record Failed : PersonLookup;
}

/// <summary>The organisation's directory (Microsoft Entra ID, through Microsoft Graph).</summary>
public interface IDirectory
{
    /// <summary>The person's entry, with their memberships among <paramref name="groupIds"/>; null when the directory could not be asked.</summary>
    Task<DirectoryEntry?> LookUpAsync(string aadObjectId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken);

    /// <summary>A person by Entra object id or by email address (their user principal name), cached for <see cref="DirectoryOptions.CacheFor"/>.</summary>
    Task<PersonLookup> FindAsync(string idOrEmail, CancellationToken cancellationToken);
}
