using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>referral.submit</c>: validates the form, saves the referral once, and routes it to the coordinators.</summary>
public sealed class SubmitReferral(
    ParoleOncoDbContext db,
    EstablishmentCatalog establishments,
    ReferralAccess access,
    Roles roles,
    ReferralPresenter presenter,
    PatientDataProtector protector,
    AuditTrail audit,
    TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralSubmit;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (request.Place.Kind != PlaceKind.Personal || await roles.IsApprovedApAsync(caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotClinician);
        }

        var existing = await db.Referrals.SingleOrDefaultAsync(r => r.FormId == data.FormId, cancellationToken);
        if (existing is not null)
        {
            return await AlreadySubmittedAsync(existing, caller, cancellationToken);
        }

        var scope = await access.ScopeAsync(caller, cancellationToken);
        if (scope is ReferralScope.Allowed { Establishments.Count: 0 })
        {
            return TurnResult.Show(NoticeCards.NoEstablishmentToReferTo(caller.Culture)) with { Refused = Refusals.NotClinician };
        }

        var refusal = Refusal(scope, data.EstablishmentId);
        var valid = ReferralRequest.Read(data, establishments, out var errors);
        if (valid is null || refusal is not null)
        {
            // The form comes back as it was filled, offering what the clinician may pick: every establishment when the
            // directory could not say, so nothing typed is lost until it can.
            var offered = scope is ReferralScope.Allowed allowed ? allowed.Establishments : establishments.All;
            var shownErrors = refusal is null ? errors : new Dictionary<string, string>(errors) { ["establishmentId"] = refusal };
            var form = ReferralAccess.Form(data.FormId ?? Guid.NewGuid().ToString("N"), offered, data, shownErrors);
            return TurnResult.Show(ReferralCards.Form(form, caller.Culture));
        }

        // Cards first, the write last: a turn holds the database's write lock only from its first write on.
        var referral = Create(valid, caller);
        var routed = await RoutedAsync(referral, caller, cancellationToken);
        db.Referrals.Add(referral);
        audit.Record(caller, "referral.submit", AuditTrail.ReferralSubject(referral.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form arrived twice at once and the other request saved it first.
            db.ChangeTracker.Clear();
            var saved = await db.Referrals.SingleOrDefaultAsync(r => r.FormId == valid.FormId, cancellationToken);
            if (saved is null)
            {
                throw;
            }

            return await AlreadySubmittedAsync(saved, caller, cancellationToken);
        }

        return routed;
    }

    /// <summary>The status card replaces the form in the clinician's chat (it is the reply); the channel gets its card.</summary>
    private async Task<TurnResult> RoutedAsync(Referral referral, Caller caller, CancellationToken cancellationToken)
    {
        var status = await presenter.StatusCardAsync(referral, caller.Culture, cancellationToken);
        var hasChannel = await db.CoordinatorChannels.AnyAsync(c => c.EstablishmentId == referral.EstablishmentId, cancellationToken);
        var delivery = hasChannel
            ? await presenter.ChannelDeliveryAsync(referral, cancellationToken)
            : new CardDelivery(
                new Recipient.Person(caller.AadObjectId), MessageKeys.NoCoordinatorChannel(referral.Id), NoticeCards.NoCoordinatorChannel(caller.Culture), referral.EstablishmentId);
        return new TurnResult(status, [delivery], MessageKeys.ReferralStatus(referral.Id));
    }

    /// <summary>The error beside the establishment when the caller may not refer there, or cannot be checked now.</summary>
    private static string? Refusal(ReferralScope scope, string? establishmentId) => scope switch
    {
        ReferralScope.Unknown => "accessCheckFailed",
        ReferralScope.Allowed allowed when establishmentId is { Length: > 0 }
            && !allowed.Establishments.Any(e => string.Equals(e.Id, establishmentId, StringComparison.OrdinalIgnoreCase)) => "establishmentNotAllowed",
        _ => null,
    };

    private async Task<TurnResult> AlreadySubmittedAsync(Referral referral, Caller caller, CancellationToken cancellationToken)
    {
        if (referral.ReferrerAadObjectId != caller.AadObjectId)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        var status = await presenter.StatusCardAsync(referral, caller.Culture, cancellationToken);
        return new TurnResult(status, [], MessageKeys.ReferralStatus(referral.Id));
    }

    private Referral Create(ReferralRequest valid, Caller caller) => new()
    {
        Id = Guid.NewGuid(),
        FormId = valid.FormId,
        PatientCode = valid.PatientCode,
        EstablishmentId = valid.EstablishmentId,
        CancerType = valid.Profile.CancerType,
        AgeBand = valid.Profile.AgeBand,
        Language = valid.Profile.Language,
        Modality = valid.Profile.Modality,
        Needs = valid.Profile.Needs,
        ProtectedPhone = protector.Protect(valid.Phone),
        ProtectedNote = valid.Note is null ? null : protector.Protect(valid.Note),
        ReferrerAadObjectId = caller.AadObjectId,
        ReferrerName = caller.Name,
        SubmittedAt = clock.GetUtcNow(),
    };
}
