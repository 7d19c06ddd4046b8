using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Establishments;

/// <summary>
/// The app was removed from a team: a coordinators' channel in it can no longer be reached, so its establishment has
/// none until an administrator runs setup again. Clinicians who refer meanwhile are told (the referral is kept) rather
/// than meeting an error, and coordinators see open referrals in <c>queue</c> once a channel is set up again.
/// </summary>
public sealed partial class TeamRemoval(ParoleOncoDbContext db, AuditTrail audit, ILogger<TeamRemoval> logger)
{
    public async Task ForgetAsync(string teamId, Caller remover, CancellationToken cancellationToken)
    {
        var bindings = await db.CoordinatorChannels.Where(c => c.TeamId == teamId).ToListAsync(cancellationToken);
        foreach (var binding in bindings)
        {
            db.CoordinatorChannels.Remove(binding);
            audit.Record(remover, "setup.appRemoved", $"establishment:{binding.EstablishmentId}");
            LogUnbound(logger, binding.EstablishmentId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app was removed from the team of establishment {EstablishmentId}'s coordinators' channel: it has none until setup is run again")]
    private static partial void LogUnbound(ILogger logger, string establishmentId);
}
