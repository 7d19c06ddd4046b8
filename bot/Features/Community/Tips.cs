using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Community;

/// <summary>What the tip verbs share: who may share a tip, and how a tip shows in the community channel.</summary>
public static class Tips
{
    /// <summary>The approved AP sharing a tip from their 1:1 chat; null for anyone else, who is not offered the form.</summary>
    public static async Task<AccompanyingPatient?> SharerAsync(Roles roles, TurnRequest request, CancellationToken cancellationToken) =>
        request.Place.Kind == PlaceKind.Personal && await roles.ApAsync(request.Caller, cancellationToken) is { Status: ApStatus.Approved } ap
            ? ap
            : null;

    /// <summary>For anyone but an approved AP in their chat: a card saying who may share tips; audited as refused.</summary>
    public static TurnResult NotOffered(Caller caller) =>
        TurnResult.Show(CommunityCards.ForApsOnly(caller.Culture)) with { Refused = Refusals.NotApprovedAp };

    public static string NewFormId() => Guid.NewGuid().ToString("N");

    public static bool IsForm([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? formId) => formId is { Length: > 0 and <= Tip.MaxFormIdLength };

    public static string Subject(Guid tipId) => $"tip:{tipId:N}";

    public static TipView View(Tip tip, AccompanyingPatient ap, EstablishmentCatalog establishments, DecisionView? hidden = null) =>
        new(tip.Id.ToString("N"), FirstName(ap.Name), establishments.NameOf(tip.EstablishmentId), tip.Text, tip.PostedAt, hidden);

    /// <summary>Every establishment reads the community channel: an AP shows there by their first name only.</summary>
    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    public static CardDelivery ToChannel(Tip tip, Cards.Model.AdaptiveCard card) =>
        new(new Recipient.Community(), MessageKeys.Tip(tip.Id), card, tip.EstablishmentId);
}
