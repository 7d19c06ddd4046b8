using System.Globalization;
using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Tests.Cards;

/// <summary>Views in every state the cards show, and every card built from them.</summary>
internal static partial class CardSamples
{
    /// <summary>The patient's phone as the bot stores it and hands it to cards.</summary>
    public const string Phone = "+15145550199";

    /// <summary>The same phone as cards show it.</summary>
    public const string PhoneShown = "514 555-0199";
    public const string Note = "Prefers calls in the afternoon";

    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo[] Cultures = [French, English];

    public static readonly DateTimeOffset At = new(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(-4));

    public static readonly EstablishmentOption Chum = new("chum", "CHUM");
    public static readonly EstablishmentOption Cusm = new("cusm", "CUSM");
    public static readonly DecisionView Decision = new("Marie Tremblay", At);
    public static readonly DecisionView DeclineDecision = new("Marie Tremblay", At, "Aucun PA disponible en arabe");

    public static FormView EmptyForm() => new("form-1", [Chum, Cusm], new CardActionData(), new Dictionary<string, string>());

    public static FormView ReferralFormWithErrors() => new(
        "form-2",
        [Chum, Cusm],
        new CardActionData
        {
            PatientCode = "Jean Untel", Consent = "false", EstablishmentId = "chum", CancerType = "breast", AgeBand = "45-54",
            Language = "fr", Modality = "phone", Needs = "emotional,navigational", Phone = "555", Note = Note,
        },
        new Dictionary<string, string>
        {
            ["patientCode"] = "invalidPatientCode",
            ["consent"] = "consentRequired",
            ["phone"] = "invalidPhone",
        });

    public static FormView ApFormWithErrors() => new(
        "form-3",
        [Chum],
        new CardActionData { EstablishmentId = "chum", Languages = "fr,en", CancerTypes = "breast", AgeBand = "55-64", Modalities = "phone,video", Capacity = "3" },
        new Dictionary<string, string> { ["capacity"] = "invalidCapacity" });

    public static ReferralView Referral(string status = ReferralStatuses.Submitted, string? apName = null, DecisionView? decision = null) => new(
        Guid.Parse("7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b"), "R-0042", "QC-7F3K9", "CHUM", "breast", "45-54", "fr", "phone",
        ["emotional", "navigational"], status, At, "Dre Julie Gagnon", apName, decision);

    public const string ThanksMessage = "Merci pour votre écoute, ma patiente a repris confiance.";

    public static ThanksFormView Thanks() => new("thanks-form-1");

    public static ThanksFormView TooLongThanks() => new("thanks-form-1", Message: new string('a', ThanksCards.MaxMessageLength + 12), TooLong: true);

    public static IReadOnlyList<SuggestionView> Suggestions() =>
    [
        new(Guid.Parse("11111111-1111-1111-1111-111111111111"), "Louise Bergeron", 92, ["sameCancer", "language", "ageBand"], 1, 3, 12),
        new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Sophie Côté", 71, ["sameCancer", "capacity"], 0, 2),
    ];

    public static IReadOnlyList<AuditRowView> AccessRows() =>
    [
        new(At, "Marie Tremblay", "referral.phone.read", "channel", "done", null),
        new(At, "00000000-0000-0000-0000-000000000009", "referral.approve", "groupChat", "refused", "notCoordinator"),
    ];

    public static ApProfileView Ap(string status = ApStatuses.Pending, DecisionView? decision = null) => new(
        Guid.Parse("11111111-1111-1111-1111-111111111111"), "Louise Bergeron", "CHUM", ["fr", "en"], ["breast"], "55-64",
        ["phone", "video"], 3, 1, status, decision);

    public static AssignmentView Assignment(string status = AssignmentStatuses.Offered, DateTimeOffset? answeredAt = null) =>
        new(Referral(ReferralStatuses.Matched, "Louise Bergeron", Decision), Phone, Note, status, answeredAt);

    public static IReadOnlyList<string> RefreshUsers(int count) => [.. Enumerable.Range(1, count).Select(i => $"29:user-{i}")];

    /// <summary>Every card in every state, by a file-friendly name.</summary>
    public static IReadOnlyDictionary<string, Func<CultureInfo, AdaptiveCard>> All { get; } = new Dictionary<string, Func<CultureInfo, AdaptiveCard>>
    {
        ["setup-choose"] = c => SetupCards.ChooseEstablishment([Chum, Cusm], c),
        ["setup-choose-none"] = c => SetupCards.ChooseEstablishment([], c),
        ["setup-bound"] = c => SetupCards.Bound(Chum, Decision, c),
        ["ap-registration"] = c => ApCards.RegistrationForm(EmptyForm(), c),
        ["ap-registration-errors"] = c => ApCards.RegistrationForm(ApFormWithErrors(), c),
        ["ap-registration-no-establishment"] = c => ApCards.RegistrationForm(EmptyForm() with { Establishments = [] }, c),
        ["ap-profile-pending"] = c => ApCards.Profile(Ap(), c),
        ["ap-profile-approved"] = c => ApCards.Profile(Ap(ApStatuses.Approved, Decision), c),
        ["ap-profile-paused"] = c => ApCards.Profile(Ap(ApStatuses.Paused, Decision), c),
        ["ap-profile-rejected"] = c => ApCards.Profile(Ap(ApStatuses.Rejected, DeclineDecision), c),
        ["ap-approval-pending"] = c => ApCards.ApprovalRequest(Ap(), c),
        ["ap-approval-approved"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Approved, Decision), c),
        ["ap-approval-thankable"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Approved, Decision), c, Thanks()),
        ["ap-approval-thanked"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Approved, Decision), c, Thanks() with { SentAt = At, SentBy = "Marie Tremblay" }),
        ["ap-approval-thanks-too-long"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Approved, Decision), c, TooLongThanks()),
        ["ap-approval-rejected"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Rejected, Decision), c),
        ["ap-approval-unreachable"] = c => ApCards.ApprovalRequest(Ap(ApStatuses.Paused, Decision) with { PauseReason = PauseReasons.Unreachable }, c),
        ["ap-profile-paused-app-removed"] = c => ApCards.Profile(Ap(ApStatuses.Paused, Decision) with { PauseReason = PauseReasons.AppRemoved }, c),
        ["notice-ap-unreachable"] = c => NoticeCards.ApUnreachable("Louise Bergeron", ["R-0042", "R-0043"], c),
        ["parked"] = c => ParkedCards.List(
            [new(ParkedKinds.Message, "referral/7d0f9a52/channel", 5, "CryptographicException at PatientDataProtector.Unprotect", At),
             new(ParkedKinds.Reminder, "PlannedContact 7d0f9a52", 5, "InvalidOperationException at LogbookReminders.FireAsync", At)], c),
        ["parked-none"] = c => ParkedCards.List([], c),
        ["access-log"] = c => AuditCards.AccessLog("QC-7F3K9", AccessRows(), new DateOnly(2026, 3, 14), c),
        ["access-log-empty"] = c => AuditCards.AccessLog("QC-7F3K9", [], new DateOnly(2026, 3, 14), c),
        ["access-log-long"] = c => AuditCards.AccessLog("QC-7F3K9", [.. Enumerable.Repeat(AccessRows()[0], 100)], new DateOnly(2026, 3, 14), c),
        ["stats-establishment"] = c => StatsCards.Show(Stats(program: false), c),
        ["stats-program"] = c => StatsCards.Show(Stats(program: true), c),
        ["stats-empty"] = c => StatsCards.Show(Stats(program: false) with { Main = new(Chum.Name, new FiguresView()), ChartUrl = null, Exports = null }, c),
        ["audit-export-form"] = c => AuditCards.ExportForm(new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 14), null, c),
        ["audit-export-form-error"] = c => AuditCards.ExportForm(new DateOnly(2026, 3, 14), new DateOnly(2026, 2, 14), "AuditExportRange", c),
        ["erasure-confirm"] = c => ErasureCards.Confirm("QC-7F3K9", 2, c),
        ["erasure-done"] = c => ErasureCards.Erased(2, c),
        ["erasure-nothing"] = c => ErasureCards.NothingUnder("QC-7F3K9", c),
        ["erasure-still-open"] = c => ErasureCards.StillOpen("QC-7F3K9", ["R-0042", "R-0043"], c),
        ["nudge-digest"] = c => NudgeCards.Digest([new("CHUM", 3), new("CHU de Québec–Université Laval", 1)], 2, c),
        ["nudge-opted-out"] = c => NudgeCards.OptedOut(c),
        ["nudge-opted-in"] = c => NudgeCards.OptedIn(c),
        ["impact"] = c => ImpactCards.Show(Impact(), c),
        ["impact-nothing-yet"] = c => ImpactCards.Show(new(0, new DateOnly(2026, 3, 1), ImpactFiguresView.None, new DateOnly(2026, 3, 1), ImpactFiguresView.None, []), c),
        ["impact-monthly"] = c => ImpactCards.Monthly(MonthlyImpact(), c),
        ["impact-monthly-no-thanks"] = c => ImpactCards.Monthly(MonthlyImpact() with { Figures = SomeImpact with { Thanks = 0, SupportTypes = [] }, LatestThanks = [] }, c),
        ["impact-for-approved-aps"] = c => ImpactCards.ForApprovedAps(c),
        ["impact-ask-in-personal-chat"] = c => ImpactCards.AskInPersonalChat(c),
        ["audit-export-ready"] = c => AuditCards.ExportReady("https://paroleonco.example/exports/audit.csv?token=abc", new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 14), c),
        ["ap-patients"] = c => ApCards.PatientList(
            [Assignment(), Assignment(AssignmentStatuses.Accepted, At), Assignment(AssignmentStatuses.Closed, At)], c),
        ["ap-patients-none"] = c => ApCards.PatientList([], c),
        ["referral-form"] = c => ReferralCards.Form(EmptyForm(), c),
        ["referral-form-errors"] = c => ReferralCards.Form(ReferralFormWithErrors(), c),
        ["referral-form-no-establishment"] = c => ReferralCards.Form(EmptyForm() with { Establishments = [] }, c),
        ["referral-status-submitted"] = c => ReferralCards.Status(Referral(), c),
        ["referral-status-matched"] = c => ReferralCards.Status(Referral(ReferralStatuses.Matched, "Louise Bergeron", Decision), c),
        ["referral-status-accepted"] = c => ReferralCards.Status(Referral(ReferralStatuses.Accepted, "Louise Bergeron", Decision), c),
        ["referral-status-thankable"] = c => ReferralCards.Status(Referral(ReferralStatuses.Accepted, "Louise Bergeron", Decision), c, Thanks()),
        ["referral-status-thanked"] = c => ReferralCards.Status(Referral(ReferralStatuses.Accepted, "Louise Bergeron", Decision), c, Thanks() with { SentAt = At }),
        ["referral-status-thanks-too-long"] = c => ReferralCards.Status(AcceptedReferral(ReferralStatuses.Closed), c, TooLongThanks()),
        ["thanks-received"] = c => ThanksCards.Received(new ThanksView("Dre Julie Gagnon", ThanksMessage, At, "QC-7F3K9"), c),
        ["thanks-received-from-coordinator"] = c => ThanksCards.Received(new ThanksView("Marie Tremblay", null, At, null), c),
        ["referral-status-closed"] = c => ReferralCards.Status(AcceptedReferral(ReferralStatuses.Closed), c),
        ["referral-status-declined"] = c => ReferralCards.Status(Referral(ReferralStatuses.Declined, null, DeclineDecision), c),
        ["coordinators-pending"] = c => ReferralCards.ForCoordinators(Referral(), Suggestions(), RefreshUsers(3), c),
        ["coordinators-no-suggestion"] = c => ReferralCards.ForCoordinators(Referral(), [], RefreshUsers(3), c),
        ["coordinators-phone-revealed"] = c => ReferralCards.ForCoordinators(Referral(), Suggestions(), RefreshUsers(3), c, Phone),
        ["coordinators-pick-refused"] = c => ReferralCards.ForCoordinators(Referral(), Suggestions(), RefreshUsers(3), c, refused: DecisionRefused.PickNoLongerOnOffer),
        ["coordinators-reason-refused"] = c => ReferralCards.ForCoordinators(Referral(), Suggestions(), RefreshUsers(3), c, refused: DecisionRefused.ReasonMissing),
        ["coordinators-matched"] = c => ReferralCards.ForCoordinators(Referral(ReferralStatuses.Matched, "Louise Bergeron", Decision), Suggestions(), RefreshUsers(3), c),
        ["coordinators-accepted"] = c => ReferralCards.ForCoordinators(Referral(ReferralStatuses.Accepted, "Louise Bergeron", Decision), [], [], c),
        ["coordinators-closed"] = c => ReferralCards.ForCoordinators(AcceptedReferral(ReferralStatuses.Closed), [], [], c),
        ["coordinators-declined"] = c => ReferralCards.ForCoordinators(Referral(ReferralStatuses.Declined, null, DeclineDecision), Suggestions(), [], c),
        ["queue"] = c => ReferralCards.Queue([Referral(), Referral(ReferralStatuses.Matched, "Louise Bergeron", Decision)], c),
        ["queue-empty"] = c => ReferralCards.Queue([], c),
        ["queue-long"] = c => ReferralCards.Queue([.. Enumerable.Repeat(Referral(), 100)], c),
        ["clinician-list"] = c => ReferralCards.ClinicianList(
            [Referral(), Referral(ReferralStatuses.Declined, null, DeclineDecision), AcceptedReferral(ReferralStatuses.Closed)], c),
        ["clinician-list-empty"] = c => ReferralCards.ClinicianList([], c),
        ["assignment-offered"] = c => AssignmentCards.Offer(Assignment(), c),
        ["assignment-accepted"] = c => AssignmentCards.Offer(Assignment(AssignmentStatuses.Accepted, At), c),
        ["assignment-declined"] = c => AssignmentCards.Offer(Assignment(AssignmentStatuses.Declined, At), c),
        ["assignment-closed"] = c => AssignmentCards.Offer(Assignment(AssignmentStatuses.Closed, At), c),
        ["assignment-expired"] = c => AssignmentCards.Offer(Assignment(AssignmentStatuses.Expired, At), c),
        ["assignment-withdrawn"] = c => AssignmentCards.Offer(Assignment(AssignmentStatuses.Withdrawn, At), c),
        ["coordinators-offer-not-answered"] = c => ReferralCards.ForCoordinators(Referral(), Suggestions(), RefreshUsers(3), c, notAnsweredBy: "Louise Bergeron"),
        ["logbook-pick"] = c => LogbookCards.PickAccompaniment(Accompaniments(3), c),
        ["logbook-pick-one"] = c => LogbookCards.PickAccompaniment(Accompaniments(1), c),
        ["logbook-pick-none"] = c => LogbookCards.PickAccompaniment([], c),
        ["logbook-pick-long"] = c => LogbookCards.PickAccompaniment(Accompaniments(30), c),
        ["logbook-close-errors"] = c => LogbookCards.CloseForm(CloseFormWithErrors(), c),
        ["logbook-form"] = c => LogbookCards.Form(EmptyLogbookForm(), c),
        ["logbook-form-errors"] = c => LogbookCards.Form(LogbookFormWithErrors(), c),
        ["logbook-saved"] = c => LogbookCards.Saved(Entry(), c),
        ["logbook-saved-escalated-shared"] = c => LogbookCards.Saved(Entry(escalated: true, shared: true), c),
        ["reminder-first-contact"] = c => LogbookCards.Reminder(ReminderCardKind.FirstContact, AcceptedReferral(), At, c),
        ["reminder-planned-contact"] = c => LogbookCards.Reminder(ReminderCardKind.PlannedContact, AcceptedReferral(), At, c),
        ["reminder-overdue"] = c => LogbookCards.Reminder(ReminderCardKind.Overdue, AcceptedReferral(), At, c),
        ["shared-summary"] = c => LogbookCards.SharedSummary(Entry(shared: true), c),
        ["file-sheet"] = c => LogbookCards.FileSheet("QC-7F3K9", SharedSummaries(), c),
        ["file-sheet-empty"] = c => LogbookCards.FileSheet("QC-7F3K9", [], c),
        ["file-sheet-long"] = c => LogbookCards.FileSheet("QC-7F3K9", ManySharedSummaries(30), c),
        ["escalation-alert"] = c => EscalationCards.Alert(Escalation(), c),
        ["escalation-alert-reannounced"] = c => EscalationCards.Alert(Escalation(3), c),
        ["escalation-alert-acknowledged"] = c => EscalationCards.Alert(Escalation(2, Decision), c),
        ["closing"] = c => ClosingCards.Closed(Closing(), c),
        ["closing-no-satisfaction"] = c => ClosingCards.Closed(Closing(null), c),
        ["invitation"] = c => InvitationCards.Invitation(ApInvitationForm(), "Marie Tremblay", "CHUM", c),
        ["invitation-thread-waiting"] = c => InvitationCards.Thread(Invitation(), c),
        ["invitation-thread-delivered"] = c => InvitationCards.Thread(Invitation(At.AddMinutes(2)), c),
        ["invite-usage"] = InvitationCards.Usage,
        ["invite-no-graph"] = InvitationCards.GraphNotConfigured,
        ["invite-directory-down"] = InvitationCards.DirectoryDown,
        ["invite-unknown-address"] = c => InvitationCards.UnknownAddress("nobody@example.org", c),
        ["setup-community-bound"] = c => SetupCards.CommunityBound(Decision, moved: false, c),
        ["setup-community-moved"] = c => SetupCards.CommunityBound(Decision, moved: true, c),
        ["tip-form"] = c => CommunityCards.TipForm(TipForm(), c),
        ["tip-form-too-long"] = c => CommunityCards.TipForm(TipForm(TipRefusal.TooLong, new string('a', CommunityCards.MaxTipLength + 5)), c),
        ["tip-form-no-channel"] = c => CommunityCards.TipForm(TipForm(TipRefusal.NoChannel), c),
        ["tip-posted"] = c => CommunityCards.TipPosted(TipText, c),
        ["tip-in-channel"] = c => CommunityCards.InChannel(Tip(), c),
        ["tip-hidden"] = c => CommunityCards.InChannel(Tip(Decision), c),
        ["tip-for-aps-only"] = CommunityCards.ForApsOnly,
        ["tip-form-empty"] = c => CommunityCards.TipForm(TipForm(TipRefusal.Empty), c),
        ["tip-form-email"] = c => CommunityCards.TipForm(TipForm(TipRefusal.Email), c),
        ["tip-form-phone"] = c => CommunityCards.TipForm(TipForm(TipRefusal.Phone), c),
        ["tip-form-birth-date"] = c => CommunityCards.TipForm(TipForm(TipRefusal.BirthDate), c),
        ["tip-form-patient-code"] = c => CommunityCards.TipForm(TipForm(TipRefusal.PatientCode), c),
        ["help-clinician"] = c => HelpCards.ForAudience(Audience.Clinician, c),
        ["help-coordinator"] = c => HelpCards.ForAudience(Audience.Coordinator, c),
        ["help-ap"] = c => HelpCards.ForAudience(Audience.AccompanyingPatient, c),
        ["help-unidentified"] = c => HelpCards.ForAudience(Audience.Unidentified, c),
        ["notice-not-allowed"] = NoticeCards.NotAllowed,
        ["notice-setup-refused"] = NoticeCards.SetupRefused,
        ["notice-setup-only-in-channel"] = NoticeCards.SetupOnlyInChannel,
        ["notice-registration-received"] = NoticeCards.RegistrationReceived,
        ["notice-already-registered"] = NoticeCards.AlreadyRegistered,
        ["notice-ap-approved"] = NoticeCards.ApApproved,
        ["notice-ap-rejected"] = NoticeCards.ApRejected,
        ["notice-ap-paused"] = NoticeCards.ApPaused,
        ["notice-ap-resumed"] = NoticeCards.ApResumed,
        ["notice-referral-not-found"] = NoticeCards.ReferralNotFound,
        ["notice-phone-only-in-coordinator-channel"] = NoticeCards.PhoneOnlyInCoordinatorChannel,
        ["notice-phone-referral-closed"] = NoticeCards.PhoneReferralClosed,
        ["notice-no-establishment-to-refer-to"] = NoticeCards.NoEstablishmentToReferTo,
        ["notice-access-check-failed"] = NoticeCards.AccessCheckFailed,
        ["notice-no-coordinator-channel"] = NoticeCards.NoCoordinatorChannel,
        ["notice-assignment-no-longer-offered"] = NoticeCards.AssignmentNoLongerOffered,
        ["notice-unknown-command"] = c => NoticeCards.UnknownCommand("bonjour [lien](https://example.com)", c),
        ["notice-error"] = NoticeCards.Error,
        ["notice-delivery-failed"] = c => NoticeCards.DeliveryFailed("R-3F9A2C", c),
        ["notice-delivery-failed-general"] = c => NoticeCards.DeliveryFailed(null, c),
        ["notice-coordinators-unreachable"] = c => NoticeCards.CoordinatorsUnreachable("R-3F9A2C", c),
        ["notice-logbook-overdue"] = c => NoticeCards.LogbookOverdue("R-0042", "QC-7F3K9", "Louise Bergeron", At, c),
    };

    public static TheoryData<string, string> EveryCardInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in All.Keys)
        {
            foreach (var culture in Cultures)
            {
                data.Add(name, culture.Name);
            }
        }

        return data;
    }

    public static AdaptiveCard Build(string name, string culture) => All[name](CultureInfo.GetCultureInfo(culture));
}
