using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class ReferralCards
{
    /// <summary>Suggestions shown at most: the best ranked are the ones worth reading.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>
    /// The card in the coordinators' channel: the patient's profile (never the phone nor the note), the ranked
    /// suggestions, approve or decline. Once decided it shows who decided and when, and no more buttons but the
    /// phone's (gone too once the accompaniment is closed).
    /// </summary>
    /// <param name="refreshUserIds">Users whose Teams refreshes the card by itself; only the first 60 are kept (Teams' limit).</param>
    /// <param name="revealedPhone">
    /// The patient's phone as stored (E.164), only in the answer to the coordinator who asked for it: Teams shows an invoke's answer to
    /// the clicker alone, and the next refresh hides it again.
    /// </param>
    /// <param name="refused">Why the clicker's decision did not go through, in the answer to them alone.</param>
    public static AdaptiveCard ForCoordinators(
        ReferralView referral,
        IReadOnlyList<SuggestionView> suggestions,
        IReadOnlyList<string> refreshUserIds,
        CultureInfo culture,
        string? revealedPhone = null,
        DecisionRefused? refused = null,
        string? notAnsweredBy = null)
    {
        var t = Texts.For(culture);
        var data = new CardActionData { ReferralId = referral.Id.ToString() };
        IEnumerable<CardElement> header =
        [
            Blocks.Title(t.Format("ReferralTitle", referral.Number)),
            .. refused is { } why ? [Blocks.Colored(t[$"DecisionRefused_{why}"], TextColor.Attention)] : Array.Empty<CardElement>(),
            StatusLine(t, referral.Status),
            .. notAnsweredBy is { } ap && referral.Status == ReferralStatuses.Submitted
                ? [Blocks.Colored(t.Format("OfferNotAnswered", ap), TextColor.Warning)]
                : Array.Empty<CardElement>(),
            Facts(t, referral),
            Submitted(t, referral),
            .. Phone(t, revealedPhone),
        ];
        var phoneAction = revealedPhone is null
            ? (CardAction)Blocks.Execute(t["ShowPhoneButton"], CardVerbs.ReferralPhone, data)
            : AssignmentCards.Call(t, revealedPhone);
        if (referral.Decision is not null || referral.Status != ReferralStatuses.Submitted)
        {
            // Decided: everyone sees the same card, so nothing is left to refresh. Once the accompaniment has
            // ended, nobody needs the phone any more: it is no longer offered (unless just revealed).
            CardAction[] actions = referral.Status == ReferralStatuses.Closed && revealedPhone is null ? [] : [phoneAction];
            return Blocks.Card([.. header, .. DecisionOf(t, referral)], actions);
        }

        var refresh = new Refresh(
            Blocks.Execute(t["RefreshButton"], CardVerbs.ReferralRefresh, data),
            [.. refreshUserIds.Take(Refresh.MaxUserIds)]);
        var ranked = suggestions.Take(MaxSuggestions).ToList(); // already ranked by matching
        if (ranked.Count == 0)
        {
            return Blocks.Card([.. header, Blocks.Heading(t["SuggestionsHeading"]), Blocks.Text(t["NoSuggestions"])],
                [Decline(t, data), phoneAction], refresh);
        }

        return Blocks.Card(
            [.. header, Blocks.Heading(t["SuggestionsHeading"]), .. ranked.Select((s, i) => Suggestion(t, s, i + 1)), ApChoice(t, ranked)],
            [Blocks.Execute(t["ApproveMatchButton"], CardVerbs.ReferralApprove, data, ActionStyle.Positive), Decline(t, data), phoneAction],
            refresh);
    }

    private static IEnumerable<CardElement> Phone(Texts t, string? revealedPhone) => revealedPhone is null
        ? []
        : [Blocks.Facts((t["PhoneLabel"], PhoneDisplay.Text(revealedPhone))), Blocks.Subtle(t["PhoneRevealedNote"])];

    private static ColumnSet Suggestion(Texts t, SuggestionView s, int rank) => new()
    {
        Separator = true,
        Columns =
        [
            new Column
            {
                Width = "auto",
                Items = [new TextBlock { Text = $"{rank}.", Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent }],
            },
            new Column
            {
                Width = "stretch",
                Items =
                [
                    Blocks.Heading(t.Format("SuggestionHeading", s.Name, s.Score)) with { Spacing = null },
                    Blocks.Subtle(string.Join(", ", [.. s.Reasons.Select(r => t.Label("MatchReason", r)), LastOffered(t, s.DaysSinceLastOffer)])),
                    Blocks.Subtle(t.Format("PatientsOfCapacityLine", s.ActivePatients, s.Capacity)),
                ],
            },
        ],
    };

    private static string LastOffered(Texts t, int? days) => days switch
    {
        null => t["NoPatientOfferedYet"],
        0 => t["LastOfferedToday"],
        1 => t["LastOfferedOneDayAgo"],
        _ => t.Format("LastOfferedDaysAgo", days),
    };

    // The best suggestion is chosen already, so "Approve" always carries an apId.
    private static InputChoiceSet ApChoice(Texts t, IReadOnlyList<SuggestionView> ranked) => new()
    {
        Id = "apId",
        Label = t["ApChoiceLabel"],
        Style = ChoiceInputStyle.Expanded,
        Choices = [.. ranked.Select(s => new Choice(s.Name, s.ApId.ToString()))],
        Value = ranked[0].ApId.ToString(),
        Spacing = Spacing.Large,
    };

    private static ActionShowCard Decline(Texts t, CardActionData data) => new()
    {
        Title = t["DeclineButton"],
        Card = new AdaptiveCard
        {
            Body =
            [
                new InputText
                {
                    Id = "reason",
                    Label = t["DeclineReasonLabel"],
                    Placeholder = t["DeclineReasonPlaceholder"],
                    IsMultiline = true,
                    MaxLength = MaxReasonLength,
                    IsRequired = true,
                    ErrorMessage = t["Error_required"],
                },
            ],
            Actions = [Blocks.Execute(t["ConfirmDeclineButton"], CardVerbs.ReferralDecline, data, ActionStyle.Destructive)],
        },
    };

    /// <summary>The decline reason input's limit.</summary>
    public const int MaxReasonLength = 500;
}
