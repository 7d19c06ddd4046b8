using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.CheckMemberGroups;
using Microsoft.Kiota.Abstractions;
using ParoleOnco.Features.People;

namespace ParoleOnco.Teams;

/// <summary>
/// A person's <c>userType</c> (<c>GET /users/{id}</c>) and transitive memberships among the groups asked about
/// (<c>POST /users/{id}/checkMemberGroups</c>, 20 groups a request), with the bot's app-only Graph access: application
/// permissions <c>User.Read.All</c> and <c>GroupMember.Read.All</c>. Cached a few minutes: a clinician opens the form
/// and submits it within minutes, and a membership removed takes effect as soon. A failure is not cached.
/// </summary>
public sealed partial class GraphDirectory(
    GraphAccess graph, BotIdentity bot, IMemoryCache cache, IOptions<DirectoryOptions> options, ILogger<GraphDirectory> logger) : IDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int GroupsPerCheck = 20;

    public async Task<DirectoryEntry?> LookUpAsync(string aadObjectId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        var key = $"directory/{aadObjectId}/{string.Join(',', groupIds.Order(StringComparer.OrdinalIgnoreCase))}";
        if (cache.TryGetValue(key, out DirectoryEntry? known))
        {
            return known;
        }

        var entry = await AskAsync(aadObjectId, groupIds, cancellationToken);
        if (entry is not null)
        {
            cache.Set(key, entry, CacheFor);
        }

        return entry;
    }

    public async Task<PersonLookup> FindAsync(string idOrEmail, CancellationToken cancellationToken)
    {
        var key = $"directory-person/{idOrEmail.ToLowerInvariant()}";
        if (cache.TryGetValue(key, out PersonLookup? known) && known is not null)
        {
            return known;
        }

        if (graph.Client is not { } client)
        {
            return new PersonLookup.NoDirectory();
        }

        try
        {
            var user = await client.Users[idOrEmail].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "preferredLanguage"], cancellationToken);
            PersonLookup found = user?.Id is { Length: > 0 } id
                ? new PersonLookup.Found(new DirectoryPerson(id, user.DisplayName ?? "", user.PreferredLanguage))
                : new PersonLookup.NotFound();
            return cache.Set(key, found, options.Value.CacheFor);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return new PersonLookup.NotFound(); // not cached: the person may be created in a minute
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or Azure.Identity.AuthenticationFailedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogPersonFailed(logger, ex.GetType().Name, (ex as ApiException)?.ResponseStatusCode ?? 0);
            return new PersonLookup.Failed();
        }
    }

    private async Task<DirectoryEntry?> AskAsync(string aadObjectId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        if (graph.Client is not { } client)
        {
            // Local anonymous mode (Development, loopback callers only) has no directory, and takes anyone's word for
            // who they are anyway: there, sites open to the whole tenant stay open, and nobody is in any group.
            if (bot.AppId.Length == 0)
            {
                return new DirectoryEntry(IsGuest: false, new HashSet<string>());
            }

            LogCannotAsk(logger, graph.Unavailable);
            return null;
        }

        try
        {
            var user = await client.Users[aadObjectId].GetAsync(r => r.QueryParameters.Select = ["userType"], cancellationToken);

            // Only a member account is one of the organisation's staff: a guest, or a type the directory leaves unsaid, is not.
            var isGuest = !string.Equals(user?.UserType, "Member", StringComparison.OrdinalIgnoreCase);
            var memberOf = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var chunk in groupIds.Chunk(GroupsPerCheck))
            {
                var body = new CheckMemberGroupsPostRequestBody { GroupIds = [.. chunk] };
                var found = await client.Users[aadObjectId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(body, cancellationToken: cancellationToken);
                memberOf.UnionWith(found?.Value ?? []);
            }

            return new DirectoryEntry(isGuest, memberOf);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or Azure.Identity.AuthenticationFailedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Ids and the failure's kind only: no patient data reaches this code, and none goes to the logs.
            LogFailed(logger, ex.GetType().Name, (ex as ApiException)?.ResponseStatusCode ?? 0);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph did not say who a person is ({Exception}, status {Status})")]
    private static partial void LogPersonFailed(ILogger logger, string exception, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph cannot be asked who may refer ({Reason}): referrals are refused until it can")]
    private static partial void LogCannotAsk(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph did not say who may refer ({Exception}, status {Status}): the referral is refused, to be tried again")]
    private static partial void LogFailed(ILogger logger, string exception, int status);
}
