using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>The coordinators' thread of an invitation follows it: when the invitation reaches the person, the thread says when.</summary>
public sealed class Invitations(ParoleOncoDbContext db, Locales locales)
{
    public static InvitationView View(Invitation invitation) =>
        new(invitation.Name, invitation.Email, invitation.InvitedByName, invitation.SentAt, invitation.DeliveredAt);

    public CardDelivery Thread(Invitation invitation) => new(
        new Recipient.CoordinatorsOf(invitation.EstablishmentId),
        MessageKeys.InvitationThread(invitation.Id),
        InvitationCards.Thread(View(invitation), locales.OfEstablishment(invitation.EstablishmentId)));

    /// <summary>The card of <paramref name="key"/> reached its person: if it is an invitation, its thread is updated.</summary>
    public async Task<CardDelivery?> DeliveredAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (MessageKeys.InvitationIdIn(key) is not { } id || key != MessageKeys.Invitation(id)
            || await db.Invitations.FindAsync([id], cancellationToken) is not { DeliveredAt: null } invitation)
        {
            return null;
        }

        invitation.DeliveredAt = at;
        return Thread(invitation);
    }
}
