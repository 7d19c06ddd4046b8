using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Establishments;

/// <summary><c>setup.coordinatorChannel</c>: from now on, the establishment's referrals go to this channel.</summary>
public sealed class BindCoordinatorChannel(
    ParoleOncoDbContext db, EstablishmentCatalog establishments, Roles roles, AuditTrail audit, TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.SetupCoordinatorChannel;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        if (!ChannelSetup.Allows(request, roles, out var channel, out var refusal))
        {
            return refusal;
        }

        var (caller, (teamId, channelId)) = (request.Caller, channel);

        if (establishments.Find(request.Data.EstablishmentId) is not { } establishment)
        {
            return TurnResult.Show(SetupCards.ChooseEstablishment(establishments.Options, caller.Culture));
        }

        CoordinatorChannel binding;
        try
        {
            binding = await BindAsync(establishment.Id, teamId, channelId, caller, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first setups of one establishment at once: the other inserted the row; this one updates it.
            db.ChangeTracker.Clear();
            binding = await BindAsync(establishment.Id, teamId, channelId, caller, cancellationToken);
        }

        var option = new EstablishmentOption(establishment.Id, establishment.Name);
        return TurnResult.Show(SetupCards.Bound(option, new DecisionView(caller.Name, binding.BoundAt), caller.Culture));
    }

    private async Task<CoordinatorChannel> BindAsync(string establishmentId, string teamId, string channelId, Caller caller, CancellationToken cancellationToken)
    {
        var binding = await db.CoordinatorChannels.FindAsync([establishmentId], cancellationToken);
        if (binding is null)
        {
            binding = new CoordinatorChannel
            {
                EstablishmentId = establishmentId, TeamId = teamId, ChannelId = channelId,
                BoundByAadObjectId = caller.AadObjectId, BoundByName = caller.Name,
            };
            db.CoordinatorChannels.Add(binding);
        }

        (binding.TeamId, binding.ChannelId, binding.BoundByAadObjectId, binding.BoundByName, binding.BoundAt) =
            (teamId, channelId, caller.AadObjectId, caller.Name, clock.GetUtcNow());
        audit.Record(caller, "setup.coordinatorChannel", $"establishment:{establishmentId}");
        await db.SaveChangesAsync(cancellationToken);
        return binding;
    }
}
