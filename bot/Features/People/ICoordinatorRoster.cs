using ParoleOnco.Features.Establishments;

namespace ParoleOnco.Features.People;

/// <summary>A member of a coordinators' team. <see cref="TeamsUserId"/> is the id Teams uses in card refreshes.</summary>
public sealed record TeamMember(string AadObjectId, string TeamsUserId, string Name);

/// <summary>The members of the team behind a coordinators' channel: they are that establishment's coordinators.</summary>
public interface ICoordinatorRoster
{
    Task<IReadOnlyList<TeamMember>> MembersAsync(CoordinatorChannel channel, CancellationToken cancellationToken);
}
