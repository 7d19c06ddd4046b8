namespace ParoleOnco.Features.Establishments;

/// <summary>A PAROLE-Onco site. Sites come from configuration: adding one needs no code.</summary>
public sealed record Establishment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>The language of its coordinators' channel.</summary>
    public string Language { get; init; } = "fr-CA";
}
