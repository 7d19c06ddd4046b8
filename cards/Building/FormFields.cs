using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards.Building;

/// <summary>Builds a form's inputs with what was typed and, right under each input, its error.</summary>
internal sealed class FormFields(IReadOnlyDictionary<string, string> errors, IReadOnlyList<EstablishmentOption> establishments, Texts t)
{
    public FormFields(FormView form, Texts t) : this(form.Errors, form.Establishments, t)
    {
    }

    public FormFields(LogbookFormView form, Texts t) : this(form.Errors, [], t)
    {
    }

    public bool HasErrors => errors.Count > 0;

    public IEnumerable<CardElement> Summary()
    {
        if (HasErrors)
        {
            yield return new Container
            {
                Style = ContainerStyle.Attention,
                Items = [Blocks.Colored(t["FormHasErrors"], TextColor.Attention)],
            };
        }
    }

    public IEnumerable<CardElement> Field(CardInput input)
    {
        yield return input;
        if (errors.TryGetValue(input.Id, out var code))
        {
            yield return Blocks.Error(t.ErrorMessage(code));
        }
    }

    public InputChoiceSet Establishments(string? value) => EstablishmentChoice(t, establishments, value);

    public static InputChoiceSet EstablishmentChoice(Texts t, IReadOnlyList<EstablishmentOption> establishments, string? value) => new()
    {
        Id = "establishmentId",
        Label = t["EstablishmentLabel"],
        IsRequired = true,
        ErrorMessage = t["Error_required"],
        Choices = [.. establishments.Select(e => new Choice(e.Name, e.Id))],
        Value = value,
        Placeholder = t["ChoosePlaceholder"],
    };

    /// <summary>A choice list needs choices: without any establishment, the form explains instead.</summary>
    public static AdaptiveCard? NoEstablishmentCard(Texts t, string titleKey, IReadOnlyList<EstablishmentOption> establishments) =>
        establishments.Count == 0 ? Blocks.Card([Blocks.Title(t[titleKey]), Blocks.Text(t["NoEstablishment"])]) : null;

    public InputChoiceSet Codes(
        string id, string labelKey, string group, IReadOnlyList<string> codes, string? value, bool multi = false, bool required = true) => new()
    {
        Id = id,
        Label = t[labelKey],
        IsRequired = required,
        ErrorMessage = required ? t["Error_required"] : null,
        Choices = [.. codes.Select(code => new Choice(t.Label(group, code), code))],
        Value = value,
        IsMultiSelect = multi,
        // Short lists read best as radio buttons or checkboxes; long ones as a drop-down.
        Style = codes.Count <= 4 ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
        Placeholder = codes.Count <= 4 ? null : t["ChoosePlaceholder"],
        Wrap = true,
    };
}
