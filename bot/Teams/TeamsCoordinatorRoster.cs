using System.Net;
using Microsoft.Bot.Builder.Teams;
using TeamsChannelAccount = Microsoft.Bot.Schema.Teams.TeamsChannelAccount;
using Microsoft.Rest;
using Microsoft.Extensions.Caching.Memory;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;

namespace ParoleOnco.Teams;

/// <summary>
/// Reads a coordinators' team members through the Bot Connector's paged roster (the unpaged API is limited
/// to 5 calls a minute), cached briefly: every coordinator action checks it. Guests of the team, and members of
/// another tenant (shared channels, cross-tenant access), are not coordinators: the program trusts its own staff.
/// </summary>
public sealed partial class TeamsCoordinatorRoster(
    ProactiveTurn proactive, IServiceScopeFactory scopes, IMemoryCache cache, BotIdentity bot, ILogger<TeamsCoordinatorRoster> logger)
    : ICoordinatorRoster
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<TeamMember>> MembersAsync(CoordinatorChannel channel, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"roster/{channel.TeamId}", async entry =>
        {
            var members = await FetchAsync(channel, cancellationToken);

            // Nobody (the bot out of the team, or not yet back in it) is checked again soon, not in two minutes.
            entry.AbsoluteExpirationRelativeToNow = members.Count > 0 ? CacheFor : EmptyCacheFor;
            return members;
        }) ?? [];

    public static readonly TimeSpan EmptyCacheFor = TimeSpan.FromSeconds(10);

    private async Task<IReadOnlyList<TeamMember>> FetchAsync(CoordinatorChannel channel, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ConversationLookup>().OfChannelAsync(channel.ChannelId, cancellationToken);
        if (stored is null)
        {
            return [];
        }

        var reference = ConversationStore.Reference(stored);

        // The bot's tenant when it is configured; otherwise the team's own, as the activities that bound it named it.
        var tenantId = bot.TenantId.Length > 0 ? bot.TenantId : reference.Conversation?.TenantId ?? "";
        var members = new List<TeamMember>();
        try
        {
            await proactive.RunAsync(reference, async (turn, ct) =>
            {
                string? next = null;
                do
                {
                    var page = await TeamsInfo.GetPagedTeamMembersAsync(turn, channel.TeamId, next, pageSize: 500, ct);
                    members.AddRange(page.Members
                        .Where(m => !string.IsNullOrEmpty(m.AadObjectId) && IsStaff(m, tenantId))
                        .Select(m => new TeamMember(m.AadObjectId, m.Id, m.Name)));
                    next = page.ContinuationToken;
                }
                while (!string.IsNullOrEmpty(next));
            }, cancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The bot is no longer in the team (removed while offline, team deleted or archived): nobody can be checked
            // as a coordinator, so nobody decides, but a clinician's referral is still saved rather than failing.
            LogRosterGone(logger, channel.EstablishmentId, (int)ex.Response.StatusCode);
            return [];
        }

        return members;
    }

    /// <summary>
    /// Not a guest (nor an anonymous meeting attendee), and of the tenant when it is known: a member the roster names
    /// no tenant for is not taken for one of ours.
    /// </summary>
    private static bool IsStaff(TeamsChannelAccount member, string tenantId) =>
        member.UserRole?.ToLowerInvariant() is not ("guest" or "anonymous")
        && (tenantId.Length == 0 || string.Equals(member.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roster of establishment {EstablishmentId}'s coordinators' team answered {Status}: run setup again in a team the app is in")]
    private static partial void LogRosterGone(ILogger logger, string establishmentId, int status);
}
