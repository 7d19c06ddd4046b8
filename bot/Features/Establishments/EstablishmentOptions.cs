using System.ComponentModel.DataAnnotations;

namespace ParoleOnco.Features.Establishments;

public sealed class EstablishmentOptions
{
    public const string Section = "ParoleOnco";

    [MinLength(1)]
    public List<Establishment> Establishments { get; init; } = [];

    /// <summary>AAD object ids of the people allowed to bind a coordinators' channel.</summary>
    public List<string> Admins { get; init; } = [];
}
