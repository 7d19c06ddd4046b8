using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Reporting;

namespace ParoleOnco.Features.Impact;

/// <summary>
/// <c>impact</c>: an approved AP's patients, contacts, hours, support types and thanks, this month and since they
/// started, in their chat with the bot. Anyone else learns what the command is for; an AP in a channel, where to ask.
/// </summary>
public sealed class ImpactCommand(Roles roles, ApImpact impact, ProgramCalendar calendar) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["impact"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Caller.Culture;
        var ap = await roles.ApAsync(request.Caller, cancellationToken);
        if (ap is not { Status: ApStatus.Approved })
        {
            return new TurnResult(ImpactCards.ForApprovedAps(culture), []) { Refused = Refusals.NotApprovedAp };
        }

        if (request.Place.Kind != PlaceKind.Personal)
        {
            return new TurnResult(ImpactCards.AskInPersonalChat(culture), []) { Refused = Refusals.WrongPlace };
        }

        var today = calendar.Today;
        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ap.RegisteredAt, impact.Zone).DateTime);
        var months = Buckets.Months(since, today, impact.Zone);
        var (each, all) = await impact.ByBucketAsync(ap.Id, months, cancellationToken);
        var view = new ImpactView(
            await impact.ActiveNowAsync(ap.Id, cancellationToken),
            months.Dates[^2],
            each[^1],
            months.Dates[0],
            all,
            await impact.LatestThanksAsync(ap.Id, months.From, months.To, cancellationToken));
        return TurnResult.Show(ImpactCards.Show(view, culture));
    }
}
