namespace ParoleOnco.Features.Referrals;

public enum ReferralStatus
{
    /// <summary>Waiting for the coordinators to pick an AP.</summary>
    Submitted,

    /// <summary>An AP was picked and offered the accompaniment.</summary>
    Matched,

    /// <summary>The AP accepted: the accompaniment is under way.</summary>
    Accepted,

    /// <summary>The coordinators declined the referral.</summary>
    Declined,

    /// <summary>The accompaniment ended; the AP's capacity is free again.</summary>
    Closed,
}
