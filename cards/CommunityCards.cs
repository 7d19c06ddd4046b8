using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>The community of practice: the tip form in an AP's chat, and the tip's card in the community channel.</summary>
public static class CommunityCards
{
    /// <summary>The text input's limit.</summary>
    public const int MaxTipLength = 1000;

    public static AdaptiveCard TipForm(TipFormView form, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["TipTitle"]),
            Blocks.Text(t["TipIntro"]),
            Blocks.Subtle(t["TipNoPatientData"]),
            .. Refusal(t, form),
            new InputText
            {
                Id = "text",
                Label = t["TipLabel"],
                Placeholder = t["TipPlaceholder"],
                IsMultiline = true,

                // What was typed over the limit is kept whole, so it can be shortened rather than typed again.
                MaxLength = form.Refusal == TipRefusal.TooLong ? null : MaxTipLength,
                Value = form.Text,
            },
        ],
        [Blocks.Execute(t["TipSubmit"], CardVerbs.TipSubmit, new CardActionData { FormId = form.FormId }, ActionStyle.Positive)]);
    }

    /// <summary>What the AP sees once their tip is in the channel.</summary>
    public static AdaptiveCard TipPosted(string text, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["TipTitle"]), Blocks.Colored(t["TipPosted"], TextColor.Good), Blocks.Typed(text)]);
    }

    /// <summary>The tip in the community channel, with <c>Hide</c> for coordinators; once hidden, who hid it and when.</summary>
    public static AdaptiveCard InChannel(TipView tip, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var from = t.Format("TipFrom", tip.ApFirstName, tip.Establishment);
        if (tip.Hidden is { } hidden)
        {
            return Blocks.Card([Blocks.Title(from), Blocks.Colored(t["TipHidden"], TextColor.Warning), .. Blocks.Decision(t, "TipHiddenBy", hidden)]);
        }

        return Blocks.Card(
            [Blocks.Title(from), Blocks.Typed(tip.Text ?? ""), Blocks.Subtle(CardDates.DateAndTime(t, tip.PostedAt))],
            [Blocks.Execute(t["TipHide"], CardVerbs.TipHide, new CardActionData { TipId = tip.TipId }, ActionStyle.Destructive)]);
    }

    /// <summary>For anyone but an approved AP in their chat with the bot: who may share tips, and where.</summary>
    public static AdaptiveCard ForApsOnly(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["TipTitle"]), Blocks.Text(t["TipForApsOnly"])]);
    }

    private static IEnumerable<CardElement> Refusal(Texts t, TipFormView form)
    {
        if (form.Refusal is not { } refusal)
        {
            yield break;
        }

        var reason = refusal == TipRefusal.TooLong
            ? t.Format("TipRefused_TooLong", MaxTipLength, form.Text?.Trim().Length ?? 0)
            : t[$"TipRefused_{refusal}"];
        yield return new Container
        {
            Style = refusal == TipRefusal.NoChannel ? ContainerStyle.Emphasis : ContainerStyle.Attention,
            Items = [Blocks.Colored(reason, refusal == TipRefusal.NoChannel ? null : TextColor.Attention)],
        };
    }
}
