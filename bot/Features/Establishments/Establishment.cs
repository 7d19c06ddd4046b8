namespace ParoleOnco.Features.Establishments;

/// <summary>A PAROLE-Onco site. Sites come from configuration: adding one needs no code.</summary>
public sealed record Establishment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The PAROLE-Onco programs it runs (see <see cref="ProgramCancerTypes"/>): they say which patients it takes.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>The cancer types of the patients referred to it.</summary>
    public IReadOnlyList<string> CancerTypes => ProgramCancerTypes.Of(Programs);

    /// <summary>A .NET regular expression its patient codes match (whole, upper-cased); none: the default rule of <see cref="Referrals.PatientCode"/>.</summary>
    public string? PatientCodePattern { get; init; }

    /// <summary>
    /// Entra group object ids whose members (transitively) may refer patients to it; empty: any member of the tenant.
    /// </summary>
    public IReadOnlyList<string> ClinicianGroupIds { get; init; } = [];

    /// <summary>The language of its coordinators' channel.</summary>
    public string Language { get; init; } = "fr-CA";
}
