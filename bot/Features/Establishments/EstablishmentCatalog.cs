using Microsoft.Extensions.Options;
using ParoleOnco.Cards;

namespace ParoleOnco.Features.Establishments;

public sealed class EstablishmentCatalog(IOptions<EstablishmentOptions> options)
{
    private readonly IReadOnlyList<Establishment> establishments = options.Value.Establishments;

    public IReadOnlyList<Establishment> All => establishments;

    public Establishment? Find(string? id) =>
        establishments.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));

    public string NameOf(string id) => Find(id)?.Name ?? id;

    public IReadOnlyList<EstablishmentOption> Options =>
        [.. establishments.Select(e => new EstablishmentOption(e.Id, e.Name))];

    /// <summary>The cancer types at least one establishment takes, in vocabulary order: what the referral form offers.</summary>
    public IReadOnlyList<string> ReferralCancerTypes =>
        [.. Vocabulary.CancerTypes.Where(type => establishments.Any(e => e.CancerTypes.Contains(type)))];
}
