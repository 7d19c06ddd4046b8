using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Features.Logbook;

/// <summary>The alert cards of an escalation in the coordinators' channel: the first, and one per re-announcement.</summary>
public static class EscalationDeliveries
{
    /// <summary>The latest announcement, posted as a new message so the channel notices it.</summary>
    public static async Task<CardDelivery> AlertAsync(
        Escalation escalation, LogbookPresenter presenter, Locales locales, CancellationToken cancellationToken)
    {
        var card = EscalationCards.Alert(await presenter.EscalationViewAsync(escalation, cancellationToken), locales.OfEstablishment(escalation.EstablishmentId));
        return new CardDelivery(new Recipient.CoordinatorsOf(escalation.EstablishmentId), MessageKeys.Escalation(escalation.Id, escalation.Announcements), card, escalation.EstablishmentId);
    }

    /// <summary>Every announcement, updated in place, so none of them still asks for an acknowledgement once given.</summary>
    public static async Task<IReadOnlyList<CardDelivery>> AllAsync(
        Escalation escalation, LogbookPresenter presenter, Locales locales, CancellationToken cancellationToken)
    {
        var card = EscalationCards.Alert(await presenter.EscalationViewAsync(escalation, cancellationToken), locales.OfEstablishment(escalation.EstablishmentId));
        return [.. Enumerable.Range(1, escalation.Announcements)
            .Select(n => new CardDelivery(new Recipient.CoordinatorsOf(escalation.EstablishmentId), MessageKeys.Escalation(escalation.Id, n), card, escalation.EstablishmentId))];
    }
}
