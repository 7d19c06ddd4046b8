using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.People;

/// <summary>
/// Answers who the caller is for the program. Every verb asks here before acting. A caller Teams did not identify
/// holds no role, whatever the configuration or the rosters say.
/// </summary>
public sealed class Roles(IOptions<EstablishmentOptions> options, ICoordinatorRoster roster, ParoleOncoDbContext db)
{
    // A turn asks for the same establishment's coordinators more than once: to check the caller, then for the card's
    // refresh list. One read of the channel's binding per turn.
    private readonly Dictionary<string, IReadOnlyList<TeamMember>> coordinators = [];

    public bool IsAdmin(Caller caller) =>
        caller.IsIdentified && options.Value.Admins.Contains(caller.AadObjectId, StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsCoordinatorAsync(string establishmentId, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIdentified)
        {
            return false;
        }

        var members = await CoordinatorsAsync(establishmentId, cancellationToken);
        return members.Any(m => string.Equals(m.AadObjectId, caller.AadObjectId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A coordinator of at least one establishment: what the community of practice, every establishment's, asks.</summary>
    public async Task<bool> IsCoordinatorOfAnyAsync(Caller caller, CancellationToken cancellationToken)
    {
        var establishments = await db.CoordinatorChannels.AsNoTracking().Select(c => c.EstablishmentId).ToListAsync(cancellationToken);
        foreach (var establishmentId in establishments)
        {
            if (await IsCoordinatorAsync(establishmentId, caller, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<TeamMember>> CoordinatorsAsync(string establishmentId, CancellationToken cancellationToken)
    {
        if (!coordinators.TryGetValue(establishmentId, out var members))
        {
            var channel = await db.CoordinatorChannels.AsNoTracking()
                .SingleOrDefaultAsync(c => c.EstablishmentId == establishmentId, cancellationToken);
            members = channel is null ? [] : await roster.MembersAsync(channel, cancellationToken);
            coordinators[establishmentId] = members;
        }

        return members;
    }

    /// <summary>
    /// The establishments whose coordinators' channel this is, if the caller is a member of its team. The channel
    /// itself, not just the team: another channel of the team may be shared with people from outside.
    /// </summary>
    public async Task<IReadOnlyList<string>> EstablishmentsCoordinatedHereAsync(
        Place place, Caller caller, CancellationToken cancellationToken)
    {
        if (place.TeamId is null || place.ChannelId is null || !caller.IsIdentified)
        {
            return [];
        }

        var channels = await db.CoordinatorChannels.AsNoTracking()
            .Where(c => c.TeamId == place.TeamId && c.ChannelId == place.ChannelId)
            .ToListAsync(cancellationToken);
        var coordinated = new List<string>();
        foreach (var channel in channels)
        {
            var members = await roster.MembersAsync(channel, cancellationToken);
            if (members.Any(m => string.Equals(m.AadObjectId, caller.AadObjectId, StringComparison.OrdinalIgnoreCase)))
            {
                coordinated.Add(channel.EstablishmentId);
            }
        }

        return coordinated;
    }

    public Task<AccompanyingPatient?> ApAsync(Caller caller, CancellationToken cancellationToken) => caller.IsIdentified
        ? db.AccompanyingPatients.SingleOrDefaultAsync(a => a.AadObjectId == caller.AadObjectId, cancellationToken)
        : Task.FromResult<AccompanyingPatient?>(null);

    /// <summary>APs accompany patients; they do not refer them.</summary>
    public async Task<bool> IsApprovedApAsync(Caller caller, CancellationToken cancellationToken) =>
        await ApAsync(caller, cancellationToken) is { Status: ApStatus.Approved };

    public async Task<Audience> AudienceAsync(Caller caller, Place place, CancellationToken cancellationToken)
    {
        if (!caller.IsIdentified)
        {
            return Audience.Unidentified;
        }

        if (place.Kind == PlaceKind.Channel &&
            (await EstablishmentsCoordinatedHereAsync(place, caller, cancellationToken)).Count > 0)
        {
            return Audience.Coordinator;
        }

        var ap = await ApAsync(caller, cancellationToken);
        return ap is { Status: ApStatus.Approved } ? Audience.AccompanyingPatient : Audience.Clinician;
    }
}
