using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Audit;

/// <summary>Adds audit entries to the unit of work, so they are saved with the change they describe.</summary>
public sealed class AuditTrail(ParoleOncoDbContext db, TimeProvider clock)
{
    public void Record(Caller caller, string action, string subject) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorAadObjectId = caller.AadObjectId,
            Action = action,
            Subject = subject,
        });

    /// <summary>A change the bot made by itself, on what Teams told it (an AP it can no longer reach, say).</summary>
    public void RecordByBot(string action, string subject) =>
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), ActorAadObjectId = BotActor, Action = action, Subject = subject });

    /// <summary>The actor of the changes the bot makes by itself.</summary>
    public const string BotActor = "bot";

    public static string ReferralSubject(Guid referralId) => $"referral:{referralId:N}";

    public static string ApSubject(Guid apId) => $"ap:{apId:N}";
}
