namespace ParoleOnco.Cards.Model;

/// <summary>An input; Teams sends its value as a string under <see cref="Id"/>.</summary>
public abstract record CardInput : CardElement
{
    public required string Id { get; init; }

    /// <summary>Shown above the input and read by screen readers (1.5).</summary>
    public required string Label { get; init; }
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record InputText : CardInput
{
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public TextInputStyle? Style { get; init; }
}

public sealed record InputNumber : CardInput
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Placeholder { get; init; }
}

/// <summary>A calendar date; Teams sends it as <c>yyyy-MM-dd</c>, and so are value, min and max.</summary>
public sealed record InputDate : CardInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record InputToggle : CardInput
{
    public required string Title { get; init; }
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
    public bool Wrap { get; init; }
}

/// <summary>A choice list; a multi-select's value is the chosen values joined by commas.</summary>
public sealed record InputChoiceSet : CardInput
{
    public required IReadOnlyList<Choice> Choices { get; init; }
    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; }
    public ChoiceInputStyle? Style { get; init; }
    public string? Placeholder { get; init; }
    public bool Wrap { get; init; }
}

public sealed record Choice(string Title, string Value);
