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
    private int requests;

    /// <summary>Every directory request answers 503, as Graph down.</summary>
    public bool Unreachable { get; set; }

    public int Requests => Volatile.Read(ref requests);

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
