using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class LogbookCards
{
    /// <summary>
    /// "End an accompaniment…": which one (an input named <c>referralId</c>, so Teams merges it into the action data
    /// like any other key), how it ended, and the patient's satisfaction if they said.
    /// </summary>
    private static ActionShowCard Close(Texts t, IReadOnlyList<AccompanimentView> accompaniments) => new()
    {
        Title = t["CloseShowButton"],
        Card = new AdaptiveCard
        {
            Body = [.. CloseFields(t, new CloseFormView(accompaniments, new CardActionData(), new Dictionary<string, string>()))],
            Actions = [CloseSubmit(t)],
        },
    };

    /// <summary>The closing form on its own, sent back with what was chosen and an error beside what is missing.</summary>
    public static AdaptiveCard CloseForm(CloseFormView form, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var fields = new FormFields(form.Errors, [], t);
        return Blocks.Card([Blocks.Title(t["CloseFormTitle"]), .. fields.Summary(), .. CloseFields(t, form)], [CloseSubmit(t)]);
    }

    private static IEnumerable<CardElement> CloseFields(Texts t, CloseFormView form)
    {
        var (accompaniments, values) = (form.Accompaniments, form.Values);
        var fields = new FormFields(form.Errors, [], t);
        InputChoiceSet which = new()
        {
            Id = "referralId",
            Label = t["ClosePatientLabel"],
            IsRequired = true,
            ErrorMessage = t["Error_required"],
            Choices = [.. accompaniments.Select(a => new Choice(t.Format("CloseChoice", a.Referral.PatientCode, a.Referral.Number), a.Referral.Id.ToString()))],
            // With one accompaniment there is nothing to choose.
            Value = values.ReferralId ?? (accompaniments.Count == 1 ? accompaniments[0].Referral.Id.ToString() : null),
            Placeholder = accompaniments.Count == 1 ? null : t["ChoosePlaceholder"],
            Style = accompaniments.Count <= 4 ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
            Wrap = true,
        };

        yield return Blocks.Text(t["CloseIntro"]);
        foreach (var element in fields.Field(which))
        {
            yield return element;
        }

        foreach (var element in fields.Field(fields.Codes("outcome", "OutcomeLabel", "Outcome", Vocabulary.Outcomes, values.Outcome) with { Style = ChoiceInputStyle.Expanded, Placeholder = null }))
        {
            yield return element;
        }

        yield return fields.Codes("satisfaction", "SatisfactionLabel", "Satisfaction", Vocabulary.Satisfaction, values.Satisfaction, required: false)
            with { Style = ChoiceInputStyle.Expanded, Placeholder = null };
    }

    private static ActionExecute CloseSubmit(Texts t) => Blocks.Execute(t["CloseSubmit"], CardVerbs.AccompanimentClose, new CardActionData());
}
