using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>referrals</c>: a clinician's own referrals, newest first.</summary>
public sealed class ReferralsCommand(ParoleOncoDbContext db, ReferralPresenter presenter, AuditTrail audit) : ICommandHandler
{
    public const int Shown = 20;

    public IReadOnlyList<string> Words => ["referrals", "références", "references"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (request.Place.Kind != PlaceKind.Personal)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.WrongPlace);
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.ReferrerAadObjectId == caller.AadObjectId)
            .OrderByDescending(r => r.SubmittedAt)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            audit.Record(caller, "referral.read", AuditTrail.ReferralSubject(referral.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        var apNames = await ApNames.OfAsync(db, referrals, cancellationToken);
        var views = referrals.Select(r => presenter.ToView(r, r.ApId is { } id ? apNames.GetValueOrDefault(id) : null)).ToList();
        return TurnResult.Show(ReferralCards.ClinicianList(views, caller.Culture));
    }
}
