using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Community;

/// <summary><c>setup.communityChannel</c>: from now on, the tips APs share are posted in this channel.</summary>
public sealed class BindCommunityChannel(ParoleOncoDbContext db, Roles roles, AuditTrail audit, TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.SetupCommunityChannel;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        if (!ChannelSetup.Allows(request, roles, out var channel, out var refusal))
        {
            return refusal;
        }

        var (caller, (teamId, channelId)) = (request.Caller, channel);

        (CommunityChannel Binding, bool Moved) bound;
        try
        {
            bound = await BindAsync(teamId, channelId, caller, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first setups at once: the other inserted the row; this one updates it.
            db.ChangeTracker.Clear();
            bound = await BindAsync(teamId, channelId, caller, cancellationToken);
        }

        return TurnResult.Show(SetupCards.CommunityBound(new DecisionView(caller.Name, bound.Binding.BoundAt), bound.Moved, caller.Culture));
    }

    private async Task<(CommunityChannel, bool Moved)> BindAsync(string teamId, string channelId, Caller caller, CancellationToken cancellationToken)
    {
        var binding = await db.CommunityChannels.FindAsync([CommunityChannel.ProgramWide], cancellationToken);
        var moved = binding is not null && binding.ChannelId != channelId;
        if (binding is null)
        {
            binding = new CommunityChannel { TeamId = teamId, ChannelId = channelId, BoundByAadObjectId = caller.AadObjectId, BoundByName = caller.Name };
            db.CommunityChannels.Add(binding);
        }

        (binding.TeamId, binding.ChannelId, binding.BoundByAadObjectId, binding.BoundByName, binding.BoundAt) =
            (teamId, channelId, caller.AadObjectId, caller.Name, clock.GetUtcNow());
        audit.Record(caller, CardVerbs.SetupCommunityChannel, "community");
        await db.SaveChangesAsync(cancellationToken);
        return (binding, moved);
    }
}
