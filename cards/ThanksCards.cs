using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Thanks to an AP: the form on the cards that offer it, and the card the AP receives.</summary>
public static class ThanksCards
{
    /// <summary>The message input's limit.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>The card the AP receives, in their language.</summary>
    public static AdaptiveCard Received(ThanksView thanks, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["ThanksReceivedTitle"]),
            Blocks.Text(thanks.PatientCode is { } code
                ? t.Format("ThanksReceivedForPatient", thanks.FromName, code)
                : t.Format("ThanksReceivedForWork", thanks.FromName)),
            .. string.IsNullOrWhiteSpace(thanks.Message) ? Array.Empty<CardElement>() : [Blocks.Typed(thanks.Message)],
            Blocks.Subtle(CardDates.DateAndTime(t, thanks.At)),
        ]);
    }

    /// <summary>What was sent already, and the form inline when the last click was refused (what was typed kept).</summary>
    internal static IEnumerable<CardElement> Body(Texts t, string apName, ThanksFormView form, CardActionData data, string verb)
    {
        if (form.SentAt is { } at)
        {
            yield return Blocks.Colored(
                form.SentBy is { } by
                    ? t.Format("ThanksSentBy", by, apName, CardDates.Date(at), CardDates.Time(at))
                    : t.Format("ThanksSent", apName, CardDates.Date(at), CardDates.Time(at)),
                TextColor.Good);
        }

        if (form.TooLong)
        {
            yield return Blocks.Heading(t.Format("ThankApTitle", apName));
            foreach (var element in Inputs(t, apName, form))
            {
                yield return element;
            }

            yield return new ActionSet { Actions = [Send(t, form, data, verb)] };
        }
    }

    /// <summary>"Thank the AP…", unless the form is shown inline already.</summary>
    internal static IEnumerable<CardAction> Actions(Texts t, string apName, ThanksFormView form, CardActionData data, string verb) => form.TooLong
        ? []
        : [new ActionShowCard
        {
            Title = t["ThankApButton"],
            Card = new AdaptiveCard { Body = [.. Inputs(t, apName, form)], Actions = [Send(t, form, data, verb)] },
        }];

    private static IEnumerable<CardElement> Inputs(Texts t, string apName, ThanksFormView form)
    {
        yield return new InputText
        {
            Id = "message",
            Label = t.Format("ThanksMessageLabel", apName),
            Placeholder = t["ThanksMessagePlaceholder"],
            IsMultiline = true,

            // What was typed over the limit is kept whole, so it can be shortened rather than typed again.
            MaxLength = form.TooLong ? null : MaxMessageLength,
            Value = form.Message,
        };
        if (form.TooLong)
        {
            yield return Blocks.Error(t.Format("ThanksMessageTooLong", MaxMessageLength, form.Message?.Trim().Length ?? 0));
        }
    }

    private static ActionExecute Send(Texts t, ThanksFormView form, CardActionData data, string verb) =>
        Blocks.Execute(t["SendThanksButton"], verb, data with { FormId = form.FormId }, ActionStyle.Positive);
}
