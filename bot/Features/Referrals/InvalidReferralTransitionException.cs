namespace ParoleOnco.Features.Referrals;

public sealed class InvalidReferralTransitionException(Guid referralId, ReferralStatus status, string why)
    : InvalidOperationException($"Referral {referralId} is {status}: {why}.");
