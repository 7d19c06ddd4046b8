using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class LogbookCards
{
    /// <summary>
    /// "End an accompaniment…": which one (an input named <c>referralId</c>, so Teams merges it into the action data
    /// like any other key), how it ended, and the patient's satisfaction if they said.
    /// </summary>
    private static ActionShowCard Close(Texts t, IReadOnlyList<AccompanimentView> accompaniments)
    {
        var none = new FormFields(new Dictionary<string, string>(), [], t);
        InputChoiceSet which = new()
        {
            Id = "referralId",
            Label = t["ClosePatientLabel"],
            IsRequired = true,
            ErrorMessage = t["Error_required"],
            Choices = [.. accompaniments.Select(a => new Choice(t.Format("CloseChoice", a.Referral.PatientCode, a.Referral.Number), a.Referral.Id.ToString()))],
            // With one accompaniment there is nothing to choose.
            Value = accompaniments.Count == 1 ? accompaniments[0].Referral.Id.ToString() : null,
            Placeholder = accompaniments.Count == 1 ? null : t["ChoosePlaceholder"],
            Style = accompaniments.Count <= 4 ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
            Wrap = true,
        };
        return new ActionShowCard
        {
            Title = t["CloseShowButton"],
            Card = new AdaptiveCard
            {
                Body =
                [
                    Blocks.Text(t["CloseIntro"]),
                    which,
                    none.Codes("outcome", "OutcomeLabel", "Outcome", Vocabulary.Outcomes, null) with { Style = ChoiceInputStyle.Expanded, Placeholder = null },
                    none.Codes("satisfaction", "SatisfactionLabel", "Satisfaction", Vocabulary.Satisfaction, null, required: false)
                        with { Style = ChoiceInputStyle.Expanded, Placeholder = null },
                ],
                Actions = [Blocks.Execute(t["CloseSubmit"], CardVerbs.AccompanimentClose, new CardActionData())],
            },
        };
    }
}
