namespace ParoleOnco.Features.Conversations;

/// <summary>
/// The keys of the messages the bot keeps up to date: one key, one Teams message, posted once and updated after.
/// </summary>
public static class MessageKeys
{
    public static string ReferralStatus(Guid referralId) => $"referral/{referralId:N}/status";

    /// <summary>The length of <c>referral/{id}/</c>, which starts the key of every card about a referral.</summary>
    public const int ReferralPrefixLength = 42;
    public static string ReferralInChannel(Guid referralId) => $"referral/{referralId:N}/channel";
    public static string Assignment(Guid referralId, Guid apId) => $"referral/{referralId:N}/assignment/{apId:N}";
    public static string ApApproval(Guid apId) => $"ap/{apId:N}/approval";
    public static string ApProfile(Guid apId) => $"ap/{apId:N}/profile";

    /// <summary>The coordinators told that an AP can no longer be reached; the AP's version tells one episode from the next.</summary>
    public static string ApUnreachable(Guid apId, int version) => $"ap/{apId:N}/unreachable/{version}";

    public static string ApDecision(Guid apId) => $"ap/{apId:N}/decision";

    public static string Closing(Guid referralId) => $"referral/{referralId:N}/closed";

    public static string ClosingInChannel(Guid referralId) => $"referral/{referralId:N}/closed-channel";

    public static string FirstContact(Guid referralId) => $"referral/{referralId:N}/first-contact";

    public static string NoCoordinatorChannel(Guid referralId) => $"referral/{referralId:N}/no-channel";

    public static string SharedSummary(Guid entryId) => $"logbook/{entryId:N}/shared";

    public static string Reminder(Guid reminderId) => $"reminder/{reminderId:N}";

    public static string Escalation(Guid escalationId, int announcement) => $"escalation/{escalationId:N}/{announcement}";

    /// <summary>One reminder to refer per person and run: a second instance's or a retried run's digest is the same message.</summary>
    public static string Nudge(string aadObjectId, DateTimeOffset run) => $"nudge/{aadObjectId}/{run.UtcDateTime:yyyyMMddHHmmss}";

    /// <summary>Thanks about a referral start with the referral's prefix, so erasing the referral takes a card still waiting.</summary>
    public static string Thanks(Guid? referralId, Guid apId, Guid thanksId) => referralId is { } id
        ? $"referral/{id:N}/thanks/{thanksId:N}"
        : $"ap/{apId:N}/thanks/{thanksId:N}";

    /// <summary>One impact card per AP and month, whichever run or instance queues it.</summary>
    public static string MonthlyImpact(Guid apId, DateOnly month) => $"ap/{apId:N}/impact/{month:yyyy-MM}";

    public static string Invitation(Guid invitationId) => $"invitation/{invitationId:N}";

    /// <summary>The coordinators' thread of an invitation: who, by whom, when sent, when delivered.</summary>
    public static string InvitationThread(Guid invitationId) => $"invitation/{invitationId:N}/thread";

    public static Guid? InvitationIdIn(string key) =>
        key.StartsWith("invitation/", StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(11, Math.Min(32, key.Length - 11)), "N", out var id) ? id : null;

    /// <summary>A tip's card in the community channel: posted once, updated when a coordinator hides it.</summary>
    public static string Tip(Guid tipId) => $"tip/{tipId:N}";

    public static string DeliveryFailed(long messageId) => $"delivery-failed/{messageId}";

    /// <summary>The referral a message is about, if it is about one.</summary>
    public static Guid? ReferralIdIn(string key) =>
        key.StartsWith("referral/", StringComparison.Ordinal) && Guid.TryParseExact(key.Split('/')[1], "N", out var id) ? id : null;
}
