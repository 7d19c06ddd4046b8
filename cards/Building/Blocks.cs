using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards.Building;

/// <summary>The few element shapes every card family shares, so cards look alike.</summary>
internal static class Blocks
{
    public const int MaxListItems = 20;

    public static AdaptiveCard Card(IEnumerable<CardElement> body, IEnumerable<CardAction>? actions = null, Refresh? refresh = null)
    {
        var actionList = actions?.ToArray();
        return new AdaptiveCard
        {
            Schema = AdaptiveCard.SchemaUrl,
            Body = [.. body],
            Actions = actionList is { Length: > 0 } ? actionList : null,
            Refresh = refresh,
            Msteams = new TeamsCardProperties("Full"),
        };
    }

    public static TextBlock Title(string text) =>
        new() { Text = text, Wrap = true, Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder };

    public static TextBlock Heading(string text) =>
        new() { Text = text, Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    public static TextBlock Text(string text) => new() { Text = text, Wrap = true };

    public static TextBlock Subtle(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Spacing = Spacing.Small };

    public static TextBlock Colored(string text, TextColor? color) =>
        new() { Text = text, Wrap = true, Weight = TextWeight.Bolder, Color = color };

    public static TextBlock Error(string text) =>
        new() { Text = text, Wrap = true, Color = TextColor.Attention, Spacing = Spacing.None, Size = TextSize.Small };

    /// <summary>Text someone typed, shown literally: a note must not turn into links or headings.</summary>
    public static RichTextBlock Typed(string text) =>
        new() { Inlines = [new TextRun { Text = text, Italic = true }], Spacing = Spacing.Small };

    /// <summary>Facts whose value is empty are left out: the card schema requires a value.</summary>
    public static FactSet Facts(params (string Title, string? Value)[] facts) =>
        new()
        {
            Facts = [.. facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new Fact(f.Title, f.Value!))],
        };

    public static ActionExecute Execute(string title, string verb, CardActionData data, ActionStyle? style = null) =>
        new() { Title = title, Verb = verb, Data = data, Style = style };

    /// <summary>Long lists stop at <see cref="MaxListItems"/> items, to keep the card well under the 28 KB budget.</summary>
    public static IEnumerable<CardElement> Capped<T>(Texts t, IReadOnlyList<T> items, Func<T, CardElement> item)
    {
        foreach (var each in items.Take(MaxListItems))
        {
            yield return item(each);
        }

        if (items.Count > MaxListItems)
        {
            yield return Subtle(t.Format("ListCapped", MaxListItems, items.Count));
        }
    }

    /// <summary>"Decided by X on date at time", then the reason, if any.</summary>
    public static IEnumerable<CardElement> Decision(Texts t, string key, DecisionView decision)
    {
        yield return Subtle(t.Format(key, decision.By, CardDates.Date(decision.At), CardDates.Time(decision.At)));
        if (!string.IsNullOrWhiteSpace(decision.Reason))
        {
            yield return Subtle(t["ReasonLabel"]);
            yield return Typed(decision.Reason);
        }
    }
}
