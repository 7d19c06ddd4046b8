using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Community;

/// <summary>
/// <c>tip.submit</c>: an approved AP's tip goes to the community channel, once per form however often it is clicked.
/// A tip that looks like it holds patient data goes back to the AP with the reason and what they typed, and nothing of
/// it is kept or logged; so does a tip sent before the community has a channel.
/// </summary>
public sealed class SubmitTip(
    ParoleOncoDbContext db, Roles roles, PatientDataCheck check, EstablishmentCatalog establishments, AuditTrail audit, TimeProvider clock) : IVerbHandler
{
    public string Verb => CardVerbs.TipSubmit;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (await Tips.SharerAsync(roles, request, cancellationToken) is not { } ap)
        {
            return Tips.NotOffered(caller);
        }

        if (!Tips.IsForm(data.FormId))
        {
            return TurnResult.Show(CommunityCards.TipForm(new TipFormView(Tips.NewFormId(), data.Text), caller.Culture));
        }

        if (await PostedAsync(data.FormId, cancellationToken) is { } posted)
        {
            return TurnResult.Show(CommunityCards.TipPosted(posted.Text ?? data.Text ?? "", caller.Culture));
        }

        var text = data.Text?.Trim() ?? "";
        if (await RefusalOfAsync(text, cancellationToken) is { } refusal)
        {
            return TurnResult.Show(CommunityCards.TipForm(new TipFormView(data.FormId, data.Text, refusal), caller.Culture));
        }

        var tip = await SaveAsync(data.FormId, text, ap, caller, cancellationToken);
        var reply = TurnResult.Show(CommunityCards.TipPosted(text, caller.Culture));
        return tip is null
            ? reply
            : reply with { Deliveries = [Tips.ToChannel(tip, CommunityCards.InChannel(Tips.View(tip, ap, establishments), caller.Culture))] };
    }

    private Task<Tip?> PostedAsync(string formId, CancellationToken cancellationToken) =>
        db.Tips.AsNoTracking().SingleOrDefaultAsync(t => t.FormId == formId, cancellationToken);

    private async Task<TipRefusal?> RefusalOfAsync(string text, CancellationToken cancellationToken) =>
        text.Length == 0 ? TipRefusal.Empty
        : text.Length > CommunityCards.MaxTipLength ? TipRefusal.TooLong
        : check.Find(text) is { } found ? found switch
        {
            PatientDataKind.Email => TipRefusal.Email,
            PatientDataKind.Phone => TipRefusal.Phone,
            PatientDataKind.BirthDate => TipRefusal.BirthDate,
            _ => TipRefusal.PatientCode,
        }
        : !await db.CommunityChannels.AnyAsync(cancellationToken) ? TipRefusal.NoChannel
        : null;

    /// <summary>Keeps and audits the tip; null when the same form arrived twice at once and the other click kept it.</summary>
    private async Task<Tip?> SaveAsync(string formId, string text, AccompanyingPatient ap, Caller caller, CancellationToken cancellationToken)
    {
        var tip = new Tip { Id = Guid.NewGuid(), FormId = formId, ApId = ap.Id, EstablishmentId = ap.EstablishmentId, Text = text, PostedAt = clock.GetUtcNow() };
        db.Tips.Add(tip);
        audit.Record(caller, CardVerbs.TipSubmit, Tips.Subject(tip.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return tip;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await PostedAsync(formId, cancellationToken) is null)
            {
                throw;
            }

            return null;
        }
    }
}
