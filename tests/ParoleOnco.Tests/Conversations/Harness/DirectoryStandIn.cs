using System.Collections.Concurrent;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The directory one test's bot finds in <see cref="GraphStandIn"/>: everyone a member account of the tenant in no
/// group, unless the test says otherwise. It answers whatever the test's Graph shows of messages.
/// </summary>
public sealed class DirectoryStandIn
{
    private readonly ConcurrentDictionary<string, bool> guests = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Group, string User), bool> memberships = new();
    private readonly ConcurrentDictionary<string, Person> people = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> installations = new();
    private int requests;
    private int throttle;

    /// <summary>Every directory request answers 503, as Graph down.</summary>
    public bool Unreachable { get; set; }

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Graph does not name the chat of an installation (404) until Teams sends its installation activity.</summary>
    public bool ChatNotYetNamed { get; set; }

    /// <summary>Listing the app catalog answers 403, as without <c>AppCatalog.Read.All</c>.</summary>
    public bool CatalogForbidden { get; set; }

    /// <summary>
    /// A person the directory knows by address and id, with their name and language; the Teams app is installed for them
    /// if <paramref name="installed"/> (installing it again answers 409).
    /// </summary>
    public void AddPerson(TestUser user, string email, string? preferredLanguage, bool installed = false)
    {
        people[email] = people[user.AadObjectId] = new Person(user.AadObjectId, user.Name, preferredLanguage);
        if (installed)
        {
            this.installed[user.AadObjectId] = true;
        }
    }

    /// <summary>The next <paramref name="requests"/> requests about people, the app catalog or installations answer 429 with <c>Retry-After: 1</c>.</summary>
    public void Throttle(int requests) => Volatile.Write(ref throttle, requests);

    /// <summary>The people the app was installed for (201), in order.</summary>
    public IReadOnlyList<string> Installations => [.. installations];

    public bool KnowsPeople => !people.IsEmpty;

    internal bool Throttled() => Interlocked.Decrement(ref throttle) >= 0;

    internal Person? PersonOf(string idOrEmail) => people.GetValueOrDefault(idOrEmail);

    internal bool IsInstalledFor(string aadObjectId) => installed.ContainsKey(aadObjectId);

    /// <summary>Installs the app for the person; false if it already was.</summary>
    internal bool Install(string aadObjectId)
    {
        if (!installed.TryAdd(aadObjectId, true))
        {
            return false;
        }

        installations.Enqueue(aadObjectId);
        return true;
    }

    internal sealed record Person(string Id, string DisplayName, string? PreferredLanguage);

    public void AddGuest(TestUser user) => guests[user.AadObjectId] = true;

    public void AddToGroup(string groupId, TestUser user) => memberships[(groupId.ToLowerInvariant(), user.AadObjectId.ToLowerInvariant())] = true;

    internal bool Answers()
    {
        Interlocked.Increment(ref requests);
        return !Unreachable;
    }

    internal string UserTypeOf(string aadObjectId) => guests.ContainsKey(aadObjectId) ? "Guest" : "Member";

    internal IEnumerable<string> GroupsOf(string aadObjectId, IEnumerable<string> asked) =>
        asked.Where(g => memberships.ContainsKey((g.ToLowerInvariant(), aadObjectId.ToLowerInvariant())));
}
