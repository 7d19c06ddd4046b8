using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Retention;

/// <summary>
/// A patient asks for their data to be erased: an admin types <c>erase CODE</c> in their 1:1 chat, confirms on the
/// card, and every referral of that code becomes a tombstone (no code, no contact data, no free text; the structured
/// fields stay for the program's figures), audited. Open referrals are ended first, by the people who run them.
/// </summary>
public sealed class PatientErasure(ParoleOncoDbContext db, Roles roles, AuditTrail audit, TimeProvider clock)
{
    public async Task<TurnResult> AskAsync(TurnRequest request, string? code, CancellationToken cancellationToken) =>
        Refusal(request) ?? await DecideAsync(request, code, confirmed: false, cancellationToken);

    public async Task<TurnResult> ConfirmAsync(TurnRequest request, CancellationToken cancellationToken) =>
        Refusal(request) ?? await DecideAsync(request, request.Data.PatientCode, confirmed: true, cancellationToken);

    private TurnResult? Refusal(TurnRequest request) =>
        !roles.IsAdmin(request.Caller) ? TurnResult.NotAllowed(request.Caller.Culture, Refusals.NotAdmin)
        : request.Place.Kind != PlaceKind.Personal ? TurnResult.NotAllowed(request.Caller.Culture, Refusals.WrongPlace)
        : null;

    private async Task<TurnResult> DecideAsync(TurnRequest request, string? typed, bool confirmed, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;
        var code = (typed ?? "").Trim().ToUpperInvariant();
        var referrals = code.Length == 0 || code == Referral.ErasedCode
            ? []
            : await db.Referrals.Where(r => r.PatientCode == code).ToListAsync(cancellationToken);
        if (referrals.Count == 0)
        {
            return TurnResult.Show(ErasureCards.NothingUnder(code, culture));
        }

        if (referrals.Where(r => !r.IsEnded).Select(r => ReferralPresenter.Number(r.Id)).ToList() is { Count: > 0 } open)
        {
            return TurnResult.Show(ErasureCards.StillOpen(code, open, culture));
        }

        if (!confirmed)
        {
            return TurnResult.Show(ErasureCards.Confirm(code, referrals.Count, culture));
        }

        await EraseAsync(request.Caller, referrals, cancellationToken);
        return TurnResult.Show(ErasureCards.Erased(referrals.Count, culture));
    }

    private async Task EraseAsync(Caller caller, IReadOnlyList<Referral> referrals, CancellationToken cancellationToken)
    {
        // The statements below run at once: in the turn's transaction, begun here, they are kept with the tombstones or not at all.
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var ids = referrals.Select(r => r.Id).ToList();
        foreach (var referral in referrals)
        {
            referral.Erase(now);
            audit.Record(caller, "patient.erase", AuditTrail.ReferralSubject(referral.Id));
        }

        await RetentionPurge.EraseFreeTextAsync(db, db.Referrals.Where(r => ids.Contains(r.Id)).Select(r => r.Id), cancellationToken);
        await RetentionPurge.PostedCardsOf(db, ids).ExecuteDeleteAsync(cancellationToken);
        await RetentionPurge.MessagesOf(db, ids).ExecuteDeleteAsync(cancellationToken); // a card still waiting would show the code
    }
}

/// <summary><c>erase CODE</c> (<c>effacer CODE</c>): the confirmation card, for an admin in their 1:1 chat.</summary>
public sealed class EraseCommand(PatientErasure erasure) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["erase", "effacer"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        erasure.AskAsync(request, request.Argument, cancellationToken);
}

/// <summary><c>erase.confirm</c> (<c>patientCode</c>): erases; a second click finds nothing left under the code.</summary>
public sealed class ConfirmErasure(PatientErasure erasure) : IVerbHandler
{
    public string Verb => CardVerbs.EraseConfirm;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) => erasure.ConfirmAsync(request, cancellationToken);
}
