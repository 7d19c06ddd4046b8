using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Features.Logbook;

/// <summary><c>logbook.open</c>: a new logbook form for one of the AP's accompaniments.</summary>
public sealed class OpenLogbookForm(Accompaniments accompaniments, ReferralPresenter referrals, ProgramCalendar calendar) : IVerbHandler
{
    public string Verb => CardVerbs.LogbookOpen;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (await accompaniments.MineAsync(caller, request.Data.ReferralId, cancellationToken) is not { } mine)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotTheirs);
        }

        var form = new LogbookFormView(
            Guid.NewGuid().ToString("N"),
            referrals.ToView(mine.Referral, mine.Ap.Name),
            new CardActionData { Modality = mine.Referral.Modality },
            new Dictionary<string, string>(),
            calendar.Today.ToString("yyyy-MM-dd"));
        return TurnResult.Show(LogbookCards.Form(form, caller.Culture));
    }
}
