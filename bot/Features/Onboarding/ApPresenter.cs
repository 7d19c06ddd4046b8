using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Thanking;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>Builds the cards that show an AP: their own profile and the coordinators' approval card.</summary>
public sealed class ApPresenter(EstablishmentCatalog establishments, Candidates candidates, Locales locales, ParoleOncoDbContext db)
{
    public async Task<ApProfileView> ViewAsync(AccompanyingPatient ap, CancellationToken cancellationToken)
    {
        var active = await candidates.ActivePatientsAsync([ap.Id], cancellationToken);
        return new ApProfileView(
            ap.Id,
            ap.Name,
            establishments.NameOf(ap.EstablishmentId),
            ap.Languages,
            ap.CancerTypes,
            ap.AgeBand,
            ap.Modalities,
            ap.Capacity,
            active.GetValueOrDefault(ap.Id),
            StatusCode(ap),
            ap is { DecidedByName: { } by, DecidedAt: { } at } ? new DecisionView(by, at) : null,
            ap.Paused ? ReasonCode(ap.PauseReason) : null);
    }

    public async Task<AdaptiveCard> ProfileCardAsync(AccompanyingPatient ap, System.Globalization.CultureInfo culture, CancellationToken cancellationToken) =>
        ApCards.Profile(await ViewAsync(ap, cancellationToken), culture);

    /// <summary>The AP's profile in the channel; <paramref name="thanks"/> replaces the thanks part (a refused thanks, what was typed kept).</summary>
    public async Task<CardDelivery> ApprovalDeliveryAsync(AccompanyingPatient ap, CancellationToken cancellationToken, ThanksFormView? thanks = null) =>
        new(new Recipient.CoordinatorsOf(ap.EstablishmentId), MessageKeys.ApApproval(ap.Id),
            ApCards.ApprovalRequest(
                await ViewAsync(ap, cancellationToken),
                locales.OfEstablishment(ap.EstablishmentId),
                thanks ?? (ap.Status == ApStatus.Approved ? await ThanksForms.ForApAsync(db, ap.Id, cancellationToken) : null)));

    private static string ReasonCode(PauseReason? reason) => reason switch
    {
        PauseReason.AppRemoved => PauseReasons.AppRemoved,
        PauseReason.Unreachable => PauseReasons.Unreachable,
        _ => PauseReasons.Self,
    };

    private static string StatusCode(AccompanyingPatient ap) => ap.Status switch
    {
        ApStatus.Pending => ApStatuses.Pending,
        ApStatus.Rejected => ApStatuses.Rejected,
        _ when ap.Paused => ApStatuses.Paused,
        _ => ApStatuses.Approved,
    };
}
