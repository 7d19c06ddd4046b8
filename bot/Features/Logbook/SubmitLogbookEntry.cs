using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>
/// <c>logbook.submit</c>: saves one entry per submitted form; escalates what may change the medical course to the
/// coordinators at once; shares the summary with the referring clinician when asked; plans the next prompt.
/// </summary>
public sealed class SubmitLogbookEntry(
    ParoleOncoDbContext db,
    Accompaniments accompaniments,
    ReferralPresenter referrals,
    LogbookPresenter presenter,
    PatientDataProtector protector,
    ReminderSchedule reminders,
    ProgramCalendar calendar,
    Locales locales,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<LogbookOptions> options) : IVerbHandler
{
    public string Verb => CardVerbs.LogbookSubmit;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var (caller, data) = (request.Caller, request.Data);
        if (await accompaniments.MineAsync(caller, data.ReferralId, cancellationToken) is not { } mine)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        if (await db.LogbookEntries.SingleOrDefaultAsync(e => e.FormId == data.FormId && e.ApId == mine.Ap.Id, cancellationToken) is { } saved)
        {
            return TurnResult.Show(LogbookCards.Saved(presenter.EntryView(saved, mine.Referral, mine.Ap.Name), caller.Culture));
        }

        var valid = LogbookRequest.Read(data, calendar.Today, out var errors);
        if (valid is null)
        {
            var form = new LogbookFormView(data.FormId ?? Guid.NewGuid().ToString("N"), referrals.ToView(mine.Referral, mine.Ap.Name), data, errors, calendar.Today.ToString("yyyy-MM-dd"));
            return TurnResult.Show(LogbookCards.Form(form, caller.Culture));
        }

        var entry = Create(valid, mine);
        db.LogbookEntries.Add(entry);
        audit.Record(caller, "logbook.submit", AuditTrail.ReferralSubject(mine.Referral.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form arrived twice at once and the other request saved it first.
            db.ChangeTracker.Clear();
            var first = await db.LogbookEntries.SingleOrDefaultAsync(e => e.FormId == valid.FormId && e.ApId == mine.Ap.Id, cancellationToken);
            if (first is null)
            {
                throw;
            }

            return TurnResult.Show(LogbookCards.Saved(presenter.EntryView(first, mine.Referral, mine.Ap.Name), caller.Culture));
        }

        var view = presenter.EntryView(entry, mine.Referral, mine.Ap.Name);
        var deliveries = new List<CardDelivery>();
        if (valid.AttentionReason is { } reason)
        {
            deliveries.Add(await EscalateAsync(entry, mine, reason, cancellationToken));
        }

        if (valid.ShareWithCareTeam)
        {
            var clinicianCulture = await locales.OfPersonAsync(mine.Referral.ReferrerAadObjectId, cancellationToken);
            deliveries.Add(new CardDelivery(
                new Recipient.Person(mine.Referral.ReferrerAadObjectId), MessageKeys.SharedSummary(entry.Id),
                LogbookCards.SharedSummary(view, clinicianCulture), mine.Referral.EstablishmentId));
        }

        if (valid.NextContactDate is { } next)
        {
            // An entry written any time that day answers the prompt before it is sent.
            reminders.Add(ReminderKind.PlannedContact, mine.Referral.Id, calendar.At(next, 0), calendar.At(next, options.Value.PlannedContactPromptHour));
        }

        return new TurnResult(LogbookCards.Saved(view, caller.Culture), deliveries);
    }

    private async Task<CardDelivery> EscalateAsync(LogbookEntry entry, Accompaniment mine, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var escalation = new Escalation
        {
            Id = Guid.NewGuid(),
            ReferralId = mine.Referral.Id,
            LogbookEntryId = entry.Id,
            ApId = mine.Ap.Id,
            EstablishmentId = mine.Referral.EstablishmentId,
            ProtectedReason = protector.Protect(reason),
            RaisedAt = now,
        };
        db.Escalations.Add(escalation);
        reminders.Add(ReminderKind.EscalationReannounce, mine.Referral.Id, now, now + options.Value.ReannounceAfter, escalation.Id);
        return await EscalationDeliveries.AlertAsync(escalation, presenter, locales, cancellationToken);
    }

    private LogbookEntry Create(LogbookRequest valid, Accompaniment mine) => new()
    {
        Id = Guid.NewGuid(),
        FormId = valid.FormId,
        ReferralId = mine.Referral.Id,
        ApId = mine.Ap.Id,
        EstablishmentId = mine.Referral.EstablishmentId,
        ContactDate = valid.ContactDate,
        DurationMinutes = valid.DurationMinutes,
        Modality = valid.Modality,
        SupportTypes = valid.SupportTypes,
        ProtectedSummary = protector.Protect(valid.Summary),
        NeedsClinicalAttention = valid.NeedsClinicalAttention,
        ProtectedAttentionReason = valid.AttentionReason is { } reason ? protector.Protect(reason) : null,
        SharedWithCareTeam = valid.ShareWithCareTeam,
        NextContactDate = valid.NextContactDate,
        ParkingExpense = valid.ParkingExpense,
        Kilometres = valid.Kilometres,
        CreatedAt = clock.GetUtcNow(),
    };
}
