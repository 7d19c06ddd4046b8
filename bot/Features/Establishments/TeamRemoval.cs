using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Establishments;

/// <summary>
/// The app was removed from a team: a coordinators' channel in it can no longer be reached, so its establishment has
/// none until an administrator runs setup again. Clinicians who refer meanwhile are told (the referral is kept) rather
/// than meeting an error, and coordinators see open referrals in <c>queue</c> once a channel is set up again. The same
/// goes for the community of practice's channel.
/// </summary>
public sealed partial class TeamRemoval(ParoleOncoDbContext db, AuditTrail audit, ILogger<TeamRemoval> logger)
{
    public async Task ForgetAsync(string teamId, Caller remover, CancellationToken cancellationToken)
    {
        var establishments = await db.CoordinatorChannels.Where(c => c.TeamId == teamId).Select(c => c.EstablishmentId).ToListAsync(cancellationToken);
        foreach (var establishmentId in establishments)
        {
            audit.Record(remover, "setup.appRemoved", $"establishment:{establishmentId}");
            LogUnbound(logger, establishmentId);
        }

        // The community of practice's channel too: tips then wait in the AP's form until setup is run again.
        var community = await db.CommunityChannels.AnyAsync(c => c.TeamId == teamId, cancellationToken);
        if (community)
        {
            audit.Record(remover, "setup.appRemoved", "community");
        }

        // Deleted by team in the statement itself: a setup moving an establishment to another team meanwhile is kept.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CoordinatorChannels.Where(c => c.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.CommunityChannels.Where(c => c.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app was removed from the team of establishment {EstablishmentId}'s coordinators' channel: it has none until setup is run again")]
    private static partial void LogUnbound(ILogger logger, string establishmentId);
}
