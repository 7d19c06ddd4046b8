using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// Who may read which figures: coordinators their establishment's, in their coordinators' channel; admins every
/// establishment's and the whole program's, in their 1:1 chat. The same rule answers a card and a file's link.
/// </summary>
public sealed class StatsAudience(Roles roles, EstablishmentCatalog catalog)
{
    /// <summary>What the caller may see here, or the refusal (one of <see cref="Refusals"/>).</summary>
    public async Task<(StatsScope? Scope, string? Refused)> HereAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        switch (request.Place.Kind)
        {
            case PlaceKind.Personal when roles.IsAdmin(caller):
                return (new StatsScope([.. catalog.All.Select(e => new EstablishmentOption(e.Id, e.Name))], WholeProgram: true), null);
            case PlaceKind.Personal:
                return (null, Refusals.NotAdmin);
            case PlaceKind.Channel:
                var coordinated = await roles.EstablishmentsCoordinatedHereAsync(request.Place, caller, cancellationToken);
                return coordinated.Count == 0
                    ? (null, Refusals.NotCoordinator)
                    : (new StatsScope([.. coordinated.Select(id => new EstablishmentOption(id, catalog.NameOf(id)))], WholeProgram: false), null);
            default:
                return (null, Refusals.WrongPlace);
        }
    }

    /// <summary>Whoever a link was made for may still read that establishment's figures (or, for <c>""</c>, the program's).</summary>
    public async Task<bool> MayStillReadAsync(string aadObjectId, string establishmentId, CancellationToken cancellationToken)
    {
        var caller = new Caller(aadObjectId, "", System.Globalization.CultureInfo.InvariantCulture);
        return roles.IsAdmin(caller)
            || (establishmentId.Length > 0 && await roles.IsCoordinatorAsync(establishmentId, caller, cancellationToken));
    }
}

/// <summary>The establishments a caller may pick, and whether the whole program is one of the choices.</summary>
public sealed record StatsScope(IReadOnlyList<EstablishmentOption> Establishments, bool WholeProgram)
{
    /// <summary>The establishment asked for, <c>""</c> for the whole program, or null when it is not the caller's to see.</summary>
    public string? Pick(string? asked) => asked switch
    {
        null or "" or StatsCards.WholeProgram when WholeProgram => "",
        null or "" => Establishments[0].Id,
        _ when Establishments.Any(e => e.Id == asked) => asked,
        _ => null,
    };
}
