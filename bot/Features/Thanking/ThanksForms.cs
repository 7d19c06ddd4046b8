using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Thanking;

/// <summary>
/// The thanks part of the cards that offer it: the latest thanks sent from there, and a fresh form id, so each drawing
/// of a card is one thanks however often it is clicked (the sender tells two coordinators' clicks on one card apart).
/// </summary>
public static class ThanksForms
{
    /// <summary>On the referring clinician's status card: their latest thanks about this referral.</summary>
    public static async Task<ThanksFormView> ForReferralAsync(ParoleOncoDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        new(NewFormId(), await db.Thanks.AsNoTracking().Where(t => t.ReferralId == referralId)
            .MaxAsync(t => (DateTimeOffset?)t.At, cancellationToken));

    /// <summary>On the AP's profile card in the channel: the coordinators' latest thanks, and who sent it.</summary>
    public static async Task<ThanksFormView> ForApAsync(ParoleOncoDbContext db, Guid apId, CancellationToken cancellationToken)
    {
        var latest = await db.Thanks.AsNoTracking().Where(t => t.ApId == apId && t.ReferralId == null)
            .OrderByDescending(t => t.At).Select(t => new { t.At, t.FromName }).FirstOrDefaultAsync(cancellationToken);
        return new ThanksFormView(NewFormId(), latest?.At, latest?.FromName);
    }

    private static string NewFormId() => Guid.NewGuid().ToString("N");
}
