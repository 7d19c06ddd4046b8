using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Audit;

/// <summary>
/// Adds audit entries to the unit of work, so they are saved with the change they describe. A turn tells it where it
/// happens (<see cref="In"/>); entries written outside a turn are the bot's background work.
/// </summary>
public sealed class AuditTrail(ParoleOncoDbContext db, TimeProvider clock)
{
    /// <summary>The actor of the changes the bot makes by itself.</summary>
    public const string BotActor = "bot";

    private string place = AuditPlaces.Background;

    public void In(Place turnPlace) => place = turnPlace.Kind switch
    {
        PlaceKind.Personal => AuditPlaces.Personal,
        PlaceKind.Channel => AuditPlaces.Channel,
        _ => AuditPlaces.GroupChat,
    };

    public void Record(Caller caller, string action, string subject) => Add(caller.AadObjectId, action, subject, AuditOutcomes.Done, null);

    /// <summary>A file downloaded through a signed link, outside Teams.</summary>
    public void RecordDownload(string aadObjectId, string action, string subject) =>
        Add(aadObjectId, action, subject, AuditOutcomes.Done, null, AuditPlaces.Download);

    /// <summary>An attempt the caller had no right to: who, what on which subject, and why it was refused.</summary>
    public void Refused(Caller caller, string action, string subject, string why) => Add(caller.AadObjectId, action, subject, AuditOutcomes.Refused, why);

    /// <summary>A change the bot made by itself, on what Teams told it (an AP it can no longer reach, say).</summary>
    public void RecordByBot(string action, string subject) => Add(BotActor, action, subject, AuditOutcomes.Done, null);

    public static string ReferralSubject(Guid referralId) => $"referral:{referralId:N}";

    public static string ApSubject(Guid apId) => $"ap:{apId:N}";

    private void Add(string actor, string action, string subject, string outcome, string? reason, string? at = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorAadObjectId = actor,
            Action = action,
            Subject = subject,
            Place = at ?? place,
            Outcome = outcome,
            Reason = reason,
        });
}
