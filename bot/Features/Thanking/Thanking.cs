using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Thanking;

/// <summary>
/// <c>referral.thank</c> and <c>ap.thank</c>: the referring clinician thanks the AP who accepted their patient, or a
/// coordinator thanks an AP of their establishment. The AP gets a card with the message, in their language; the
/// clicked card says it was sent. One thanks per card and sender, however often it is clicked.
/// </summary>
public sealed class Thanking(
    ParoleOncoDbContext db,
    Roles roles,
    ReferralPresenter referrals,
    ApPresenter aps,
    Locales locales,
    PatientDataProtector protector,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<TurnResult> FromClinicianAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        var referral = await ReferralLookup.FindAsync(db, data.ReferralId, cancellationToken);
        if (referral is null || referral.ReferrerAadObjectId != caller.AadObjectId)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        var ap = referral.ApId is { } apId && referral.Status is ReferralStatus.Accepted or ReferralStatus.Closed
            ? await db.AccompanyingPatients.FindAsync([apId], cancellationToken)
            : null;
        Task<TurnResult> Status(ThanksFormView? form = null) => StatusAsync(referral, caller, form, cancellationToken);
        if (ap is null || !IsForm(data.FormId) || await SentAsync(data.FormId, caller, cancellationToken))
        {
            return await Status(); // nobody to thank yet, or this card's thanks went already
        }

        if (TooLong(data.Message))
        {
            return await Status(new ThanksFormView(data.FormId, Message: data.Message, TooLong: true));
        }

        var thanks = await SaveAsync(data, caller, ap, referral, cancellationToken);
        return thanks is null
            ? await Status()
            : (await Status()) with { Deliveries = [await ToApAsync(thanks, ap, referral, cancellationToken)] };
    }

    public async Task<TurnResult> FromCoordinatorAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        var ap = Guid.TryParse(data.ApId, out var id) ? await db.AccompanyingPatients.FindAsync([id], cancellationToken) : null;
        if (ap is null || !await roles.IsCoordinatorAsync(ap.EstablishmentId, caller, cancellationToken))
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        if (ap.Status != ApStatus.Approved || !IsForm(data.FormId) || await SentAsync(data.FormId, caller, cancellationToken))
        {
            return TurnResult.Show((await aps.ApprovalDeliveryAsync(ap, cancellationToken)).Card);
        }

        if (TooLong(data.Message))
        {
            // To the clicker alone: the channel's card does not show what one coordinator typed.
            var refused = new ThanksFormView(data.FormId, Message: data.Message, TooLong: true);
            return TurnResult.Show((await aps.ApprovalDeliveryAsync(ap, cancellationToken, refused)).Card);
        }

        var thanks = await SaveAsync(data, caller, ap, referral: null, cancellationToken);
        var profile = await aps.ApprovalDeliveryAsync(ap, cancellationToken);
        return new TurnResult(profile.Card, thanks is null ? [] : [profile, await ToApAsync(thanks, ap, null, cancellationToken)]);
    }

    private static bool IsForm([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? formId) =>
        formId is { Length: > 0 and <= Thanks.MaxFormIdLength };

    private static bool TooLong(string? message) => message?.Trim().Length > ThanksCards.MaxMessageLength;

    private Task<bool> SentAsync(string formId, Caller caller, CancellationToken cancellationToken) =>
        db.Thanks.AnyAsync(t => t.FormId == formId && t.FromAadObjectId == caller.AadObjectId, cancellationToken);

    /// <summary>Keeps and audits the thanks; null when the same click arrived twice at once and the other one kept it.</summary>
    private async Task<Thanks?> SaveAsync(CardActionData data, Caller caller, AccompanyingPatient ap, Referral? referral, CancellationToken cancellationToken)
    {
        var message = data.Message?.Trim();
        var thanks = new Thanks
        {
            Id = Guid.NewGuid(),
            FormId = data.FormId!,
            ApId = ap.Id,
            ReferralId = referral?.Id,
            FromAadObjectId = caller.AadObjectId,
            FromName = caller.Name,
            ProtectedMessage = string.IsNullOrEmpty(message) ? null : protector.Protect(message),
            At = clock.GetUtcNow(),
        };
        db.Thanks.Add(thanks);
        audit.Record(caller, referral is null ? "ap.thank" : "referral.thank",
            referral is null ? AuditTrail.ApSubject(ap.Id) : AuditTrail.ReferralSubject(referral.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return thanks;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await SentAsync(thanks.FormId, caller, cancellationToken))
            {
                throw;
            }

            return null;
        }
    }

    private async Task<TurnResult> StatusAsync(Referral referral, Caller caller, ThanksFormView? form, CancellationToken cancellationToken) =>
        TurnResult.Show(await referrals.StatusCardAsync(referral, caller.Culture, cancellationToken, form));

    private async Task<CardDelivery> ToApAsync(Thanks thanks, AccompanyingPatient ap, Referral? referral, CancellationToken cancellationToken)
    {
        var culture = await locales.OfPersonAsync(ap.AadObjectId, cancellationToken);
        var message = thanks.ProtectedMessage is { } protectedMessage ? protector.Unprotect(protectedMessage) : null;
        var view = new ThanksView(thanks.FromName, message, thanks.At, referral?.PatientCode);
        return new CardDelivery(
            new Recipient.Person(ap.AadObjectId), MessageKeys.Thanks(referral?.Id, ap.Id, thanks.Id), ThanksCards.Received(view, culture), ap.EstablishmentId);
    }
}

/// <summary><c>referral.thank</c>.</summary>
public sealed class ThankFromReferral(Thanking thanking) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralThank;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        thanking.FromClinicianAsync(request, cancellationToken);
}

/// <summary><c>ap.thank</c>.</summary>
public sealed class ThankFromProfile(Thanking thanking) : IVerbHandler
{
    public string Verb => CardVerbs.ApThank;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        thanking.FromCoordinatorAsync(request, cancellationToken);
}
