using System.Text.Json.Serialization;

namespace ParoleOnco.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
public abstract record CardAction
{
    public required string Title { get; init; }
    public ActionStyle? Style { get; init; }
}

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/> merged with the card's inputs. Data's own verb stays null: the verb is here.
/// </summary>
public sealed record ActionExecute : CardAction
{
    public required string Verb { get; init; }
    public CardActionData? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record ActionShowCard : CardAction
{
    public required AdaptiveCard Card { get; init; }
}

public sealed record ActionOpenUrl : CardAction
{
    public required string Url { get; init; }
}
