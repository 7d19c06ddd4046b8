using ParoleOnco.Cards.Model;

namespace ParoleOnco.Features.Conversations;

/// <summary>
/// A card to show <paramref name="To"/>. The <paramref name="Key"/> names the message the card lives in
/// (for example a referral's card in the coordinators' channel): the first delivery posts it, later ones
/// update that same message in place, so everyone sees its current state. <paramref name="EstablishmentId"/> names
/// the coordinators to tell if the card can never be delivered.
/// </summary>
public sealed record CardDelivery(Recipient To, string Key, AdaptiveCard Card, string? EstablishmentId = null);

/// <summary>The keys of the messages that follow an object's state.</summary>
public static class MessageKeys
{
    public static string ReferralStatus(Guid referralId) => $"referral/{referralId:N}/status";
    public static string ReferralInChannel(Guid referralId) => $"referral/{referralId:N}/channel";
    public static string Assignment(Guid referralId, Guid apId) => $"referral/{referralId:N}/assignment/{apId:N}";
    public static string ApApproval(Guid apId) => $"ap/{apId:N}/approval";
    public static string ApProfile(Guid apId) => $"ap/{apId:N}/profile";

    /// <summary>The referral a message is about, if it is about one.</summary>
    public static Guid? ReferralIdIn(string key) =>
        key.StartsWith("referral/", StringComparison.Ordinal) && Guid.TryParseExact(key.Split('/')[1], "N", out var id) ? id : null;
}
