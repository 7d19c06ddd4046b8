using System.Text.Json.Serialization;

namespace ParoleOnco.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputNumber), "Input.Number")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
public abstract record CardElement
{
    public Spacing? Spacing { get; init; }
    public bool Separator { get; init; }
}

/// <summary>Text with Teams' markdown subset. Put text people typed in a <see cref="RichTextBlock"/> instead.</summary>
public sealed record TextBlock : CardElement
{
    public required string Text { get; init; }
    public bool Wrap { get; init; }
    public TextBlockStyle? Style { get; init; }
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool IsSubtle { get; init; }
}

/// <summary>Text runs are never read as markdown, which is why typed text (notes, reasons) goes here.</summary>
public sealed record RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}

public sealed record TextRun
{
    [JsonPropertyOrder(-1)] public string Type => "TextRun";
    public required string Text { get; init; }
    public bool Italic { get; init; }
    public bool IsSubtle { get; init; }
}

public sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }
    public ContainerStyle? Style { get; init; }
}

public sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
}

public sealed record Column
{
    [JsonPropertyOrder(-1)] public string Type => "Column";
    public required IReadOnlyList<CardElement> Items { get; init; }

    /// <summary><c>auto</c>, <c>stretch</c> or a weight.</summary>
    public string? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public sealed record FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record ActionSet : CardElement
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

/// <summary>A picture by URL (https, or a data URI within the card's size budget); Teams reads <see cref="AltText"/> aloud.</summary>
public sealed record Image : CardElement
{
    public required string Url { get; init; }
    public required string AltText { get; init; }
}
