using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Referrals;

/// <summary><c>refer</c>: the referral form, in the clinician's 1:1 chat.</summary>
public sealed class ReferCommand(ReferralAccess access, Roles roles) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["refer", "référer", "referer"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;

        // Refused here, as referral.submit would refuse it, before anyone fills a form for nothing.
        if (request.Place.Kind != PlaceKind.Personal || await roles.IsApprovedApAsync(request.Caller, cancellationToken))
        {
            return TurnResult.NotAllowed(culture, Refusals.NotClinician);
        }

        switch (await access.ScopeAsync(request.Caller, cancellationToken))
        {
            case ReferralScope.Allowed { Establishments.Count: > 0 } allowed:
                // A new form id per form shown: a double click or a Teams retry of this form then creates one referral.
                var form = ReferralAccess.Form(Guid.NewGuid().ToString("N"), allowed.Establishments, new CardActionData(), new Dictionary<string, string>());
                return TurnResult.Show(ReferralCards.Form(form, culture));
            case ReferralScope.Allowed:
                return TurnResult.Show(NoticeCards.NoEstablishmentToReferTo(culture)) with { Refused = Refusals.NotClinician };
            default:
                return TurnResult.Show(NoticeCards.AccessCheckFailed(culture));
        }
    }
}

/// <summary><c>referral.open</c>: the referral form in place of the card clicked (the reminder to refer), as <c>refer</c> shows it.</summary>
public sealed class OpenReferralForm(ReferCommand refer) : IVerbHandler
{
    public string Verb => CardVerbs.ReferralOpen;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) => refer.HandleAsync(request, cancellationToken);
}
