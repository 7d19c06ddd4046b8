namespace ParoleOnco.Cards;

/// <summary>The <c>Action.Execute</c> verbs of the card contract.</summary>
public static class CardVerbs
{
    public const string SetupCoordinatorChannel = "setup.coordinatorChannel";
    public const string SetupCommunityChannel = "setup.communityChannel";
    public const string ApRegister = "ap.register";
    public const string ApApprove = "ap.approve";
    public const string ApReject = "ap.reject";
    public const string ApPause = "ap.pause";
    public const string ApResume = "ap.resume";
    public const string ReferralSubmit = "referral.submit";
    public const string ReferralApprove = "referral.approve";
    public const string ReferralDecline = "referral.decline";
    public const string ReferralRefresh = "referral.refresh";
    public const string ReferralPhone = "referral.phone";
    public const string ReferralThank = "referral.thank";
    public const string ApThank = "ap.thank";
    public const string AssignmentAccept = "assignment.accept";
    public const string AssignmentDecline = "assignment.decline";
    public const string LogbookOpen = "logbook.open";
    public const string LogbookSubmit = "logbook.submit";
    public const string EscalationAcknowledge = "escalation.acknowledge";
    public const string AccompanimentClose = "accompaniment.close";
    public const string AuditExport = "audit.export";
    public const string EraseConfirm = "erase.confirm";
    public const string ReferralOpen = "referral.open";
    public const string NudgesOptOut = "nudges.optOut";
    public const string StatsShow = "stats.show";
    public const string TipSubmit = "tip.submit";
    public const string TipHide = "tip.hide";
}
