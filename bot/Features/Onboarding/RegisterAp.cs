using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary><c>ap.register</c>: saves the AP's profile once and asks their establishment's coordinators to approve it.</summary>
public sealed class RegisterAp(
    ParoleOncoDbContext db,
    EstablishmentCatalog establishments,
    Roles roles,
    ApPresenter presenter,
    AuditTrail audit,
    TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.ApRegister;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.WrongPlace);
        }

        if (await roles.ApAsync(caller, cancellationToken) is { } existing)
        {
            return await ProfileAsync(existing, caller, [], cancellationToken);
        }

        var valid = ApRegistration.Read(data, establishments, out var errors);
        if (valid is null)
        {
            var form = new FormView(data.FormId ?? Guid.NewGuid().ToString("N"), establishments.Options, data, errors);
            return TurnResult.Show(ApCards.RegistrationForm(form, caller.Culture));
        }

        var ap = Create(valid, caller);
        db.AccompanyingPatients.Add(ap);
        audit.Record(caller, "ap.register", AuditTrail.ApSubject(ap.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form arrived twice at once and the other request saved it first.
            db.ChangeTracker.Clear();
            var saved = await roles.ApAsync(caller, cancellationToken);
            if (saved is null)
            {
                throw;
            }

            return await ProfileAsync(saved, caller, [], cancellationToken);
        }

        return await ProfileAsync(ap, caller, [await presenter.ApprovalDeliveryAsync(ap, cancellationToken)], cancellationToken);
    }

    private async Task<TurnResult> ProfileAsync(
        AccompanyingPatient ap, Caller caller, IReadOnlyList<CardDelivery> deliveries, CancellationToken cancellationToken) =>
        new(await presenter.ProfileCardAsync(ap, caller.Culture, cancellationToken), deliveries, MessageKeys.ApProfile(ap.Id));

    private AccompanyingPatient Create(ApRegistration valid, Caller caller) => new()
    {
        Id = Guid.NewGuid(),
        AadObjectId = caller.AadObjectId,
        Name = caller.Name,
        EstablishmentId = valid.EstablishmentId,
        Languages = valid.Languages,
        CancerTypes = valid.CancerTypes,
        AgeBand = valid.AgeBand,
        Modalities = valid.Modalities,
        Capacity = valid.Capacity,
        RegisteredAt = clock.GetUtcNow(),
    };
}
