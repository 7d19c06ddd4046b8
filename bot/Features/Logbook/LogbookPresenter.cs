using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Logbook;

/// <summary>Turns logbook entries and escalations into what their cards show.</summary>
public sealed class LogbookPresenter(ParoleOncoDbContext db, ReferralPresenter referrals, PatientDataProtector protector)
{
    public LogbookEntryView EntryView(LogbookEntry entry, Referral referral, string apName) => new(
        entry.Id,
        referrals.ToView(referral, apName),
        apName,
        entry.ContactDate,
        entry.DurationMinutes,
        entry.Modality,
        entry.SupportTypes,
        protector.Unprotect(entry.ProtectedSummary),
        entry.NeedsClinicalAttention,
        entry.ProtectedAttentionReason is { } reason ? protector.Unprotect(reason) : null,
        entry.SharedWithCareTeam,
        entry.NextContactDate,
        entry.ParkingExpense,
        entry.Kilometres);

    public async Task<EscalationView> EscalationViewAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == escalation.ReferralId, cancellationToken);
        var apName = await db.AccompanyingPatients.Where(a => a.Id == escalation.ApId).Select(a => a.Name).SingleAsync(cancellationToken);
        return new EscalationView(
            escalation.Id,
            ReferralPresenter.Number(referral.Id),
            referral.PatientCode,
            apName,
            protector.Unprotect(escalation.ProtectedReason),
            escalation.RaisedAt,
            escalation.Announcements,
            escalation is { AcknowledgedByName: { } by, AcknowledgedAt: { } at } ? new DecisionView(by, at) : null);
    }

    public async Task<IReadOnlyList<AccompanimentView>> AccompanimentsAsync(
        IReadOnlyList<(Referral Referral, Assignments.Assignment Assignment)> mine, string apName, CancellationToken cancellationToken)
    {
        var ids = mine.Select(m => m.Referral.Id).ToList();
        var entries = await db.LogbookEntries.AsNoTracking()
            .Where(e => ids.Contains(e.ReferralId))
            .Select(e => new { e.ReferralId, e.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. mine.Select(m =>
        {
            var logged = entries.Where(e => e.ReferralId == m.Referral.Id).Select(e => e.CreatedAt).ToList();
            return new AccompanimentView(
                referrals.ToView(m.Referral, apName),
                m.Assignment.AnsweredAt ?? m.Assignment.OfferedAt,
                logged.Count == 0 ? null : logged.Max(),
                logged.Count);
        })];
    }
}
