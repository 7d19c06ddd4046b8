using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Thanking;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary>
/// Builds every card that shows a referral, and the deliveries that bring each audience's card up to date
/// after a change: the clinician's status, the coordinators' channel card, the AP's assignment.
/// </summary>
public sealed class ReferralPresenter(
    ParoleOncoDbContext db,
    EstablishmentCatalog establishments,
    Candidates candidates,
    Roles roles,
    Locales locales,
    PatientDataProtector protector,
    TimeProvider clock)
{
    // A turn shows the same referral on several cards; its AP's name is read once.
    private readonly Dictionary<Guid, string?> apNames = [];

    public async Task<ReferralView> ViewAsync(Referral referral, CancellationToken cancellationToken) =>
        ToView(referral, referral.ApId is { } apId ? await ApNameAsync(apId, cancellationToken) : null);

    private async Task<string?> ApNameAsync(Guid apId, CancellationToken cancellationToken)
    {
        if (!apNames.TryGetValue(apId, out var name))
        {
            name = (await db.AccompanyingPatients.FindAsync([apId], cancellationToken))?.Name; // the deciding turn has the AP already
            apNames[apId] = name;
        }

        return name;
    }

    public ReferralView ToView(Referral referral, string? apName) => new(
        referral.Id,
        Number(referral.Id),
        referral.PatientCode,
        establishments.NameOf(referral.EstablishmentId),
        referral.CancerType,
        referral.AgeBand,
        referral.Language,
        referral.Modality,
        referral.Needs,
        StatusCode(referral.Status),
        referral.SubmittedAt,
        referral.ReferrerName,
        apName,
        Decision(referral));

    /// <summary>The clinician's status card; <paramref name="thanks"/> replaces the thanks part (a refused thanks, what was typed kept).</summary>
    public async Task<AdaptiveCard> StatusCardAsync(
        Referral referral, CultureInfo culture, CancellationToken cancellationToken, ThanksFormView? thanks = null) =>
        ReferralCards.Status(
            await ViewAsync(referral, cancellationToken),
            culture,
            thanks ?? (referral.Status is ReferralStatus.Accepted or ReferralStatus.Closed
                ? await ThanksForms.ForReferralAsync(db, referral.Id, cancellationToken)
                : null));

    public async Task<AdaptiveCard> ChannelCardAsync(
        Referral referral, CancellationToken cancellationToken, bool revealPhone = false, DecisionRefused? refused = null)
    {
        var view = await ViewAsync(referral, cancellationToken);
        IReadOnlyList<SuggestionView> suggestions = referral.IsOpen
            ? [.. (await candidates.SuggestAsync(referral, cancellationToken)).Select(ToView)]
            : [];
        var coordinators = await roles.CoordinatorsAsync(referral.EstablishmentId, cancellationToken);
        var refreshIds = coordinators.Select(c => c.TeamsUserId).Take(Refresh.MaxUserIds).ToList();
        var phone = revealPhone ? protector.Unprotect(referral.ProtectedPhone) : null;
        return ReferralCards.ForCoordinators(
            view, suggestions, refreshIds, locales.OfEstablishment(referral.EstablishmentId), phone, refused, await NotAnsweredByAsync(referral, cancellationToken));
    }

    public async Task<AdaptiveCard> AssignmentCardAsync(
        Referral referral, Assignment assignment, CultureInfo culture, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(referral, cancellationToken);
        var note = referral.ProtectedNote is { } protectedNote ? protector.Unprotect(protectedNote) : null;
        var assignmentView = new AssignmentView(
            view, protector.Unprotect(referral.ProtectedPhone), note, StatusCode(assignment.Status), assignment.AnsweredAt);
        return AssignmentCards.Offer(assignmentView, culture);
    }

    /// <summary>The clinician's status card and the coordinators' channel card, as they are now.</summary>
    public async Task<List<CardDelivery>> DeliveriesAsync(Referral referral, CancellationToken cancellationToken)
    {
        var clinicianCulture = await locales.OfPersonAsync(referral.ReferrerAadObjectId, cancellationToken);
        return
        [
            new(new Recipient.Person(referral.ReferrerAadObjectId), MessageKeys.ReferralStatus(referral.Id),
                await StatusCardAsync(referral, clinicianCulture, cancellationToken), referral.EstablishmentId),
            await ChannelDeliveryAsync(referral, cancellationToken),
        ];
    }

    public async Task<CardDelivery> ChannelDeliveryAsync(Referral referral, CancellationToken cancellationToken) =>
        new(new Recipient.CoordinatorsOf(referral.EstablishmentId), MessageKeys.ReferralInChannel(referral.Id),
            await ChannelCardAsync(referral, cancellationToken));

    /// <summary>The coordinators' card among a change's deliveries: what the deciding coordinator sees at once.</summary>
    public static AdaptiveCard? ChannelCardIn(IEnumerable<CardDelivery> deliveries, Referral referral) =>
        deliveries.FirstOrDefault(d => d.Key == MessageKeys.ReferralInChannel(referral.Id))?.Card;

    public async Task<CardDelivery> AssignmentDeliveryAsync(Referral referral, Assignment assignment, CancellationToken cancellationToken)
    {
        var ap = await db.AccompanyingPatients.FindAsync([assignment.ApId], cancellationToken)
            ?? throw new InvalidOperationException($"Assignment {assignment.Id} names no AP.");
        var culture = await locales.OfPersonAsync(ap.AadObjectId, cancellationToken);
        return new CardDelivery(
            new Recipient.Person(ap.AadObjectId),
            MessageKeys.Assignment(referral.Id, ap.Id),
            await AssignmentCardAsync(referral, assignment, culture, cancellationToken),
            referral.EstablishmentId);
    }

    /// <summary>A short number people can say on the phone, e.g. R-3F9A2C.</summary>
    public static string Number(Guid id) => "R-" + id.ToString("N")[..6].ToUpperInvariant();

    /// <summary>
    /// The AP whose offer of this waiting referral expired last, so coordinators see who did not answer. An expiry in
    /// this unit of work, not saved yet (its cards are built before the write), counts first.
    /// </summary>
    private async Task<string?> NotAnsweredByAsync(Referral referral, CancellationToken cancellationToken)
    {
        if (!referral.IsOpen)
        {
            return null;
        }

        var expired = db.Assignments.Local.Where(a => a.ReferralId == referral.Id && a.Status == AssignmentStatus.Expired)
            .OrderByDescending(a => a.AnsweredAt).Select(a => (Guid?)a.ApId).FirstOrDefault()
            ?? await db.Assignments.AsNoTracking()
                .Where(a => a.ReferralId == referral.Id && a.Status == AssignmentStatus.Expired)
                .OrderByDescending(a => a.AnsweredAt)
                .Select(a => (Guid?)a.ApId)
                .FirstOrDefaultAsync(cancellationToken);
        return expired is { } apId ? await ApNameAsync(apId, cancellationToken) : null;
    }

    private SuggestionView ToView(Suggestion s) => new(
        s.Candidate.ApId, s.Candidate.Name, s.Score, s.Reasons, s.Candidate.ActivePatients, s.Candidate.Capacity,
        s.Candidate.LastOfferedAt is { } at ? (int)Math.Max(0, (clock.GetUtcNow() - at).TotalDays) : null);

    private static DecisionView? Decision(Referral referral) =>
        referral is { DecidedByName: { } by, DecidedAt: { } at } ? new DecisionView(by, at, referral.DeclineReason) : null;

    public static string StatusCode(ReferralStatus status) => status switch
    {
        ReferralStatus.Submitted => ReferralStatuses.Submitted,
        ReferralStatus.Matched => ReferralStatuses.Matched,
        ReferralStatus.Accepted => ReferralStatuses.Accepted,
        ReferralStatus.Closed => ReferralStatuses.Closed,
        _ => ReferralStatuses.Declined,
    };

    public static string StatusCode(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Offered => AssignmentStatuses.Offered,
        AssignmentStatus.Accepted => AssignmentStatuses.Accepted,
        AssignmentStatus.Closed => AssignmentStatuses.Closed,
        AssignmentStatus.Withdrawn => AssignmentStatuses.Withdrawn,
        AssignmentStatus.Expired => AssignmentStatuses.Expired,
        _ => AssignmentStatuses.Declined,
    };
}
