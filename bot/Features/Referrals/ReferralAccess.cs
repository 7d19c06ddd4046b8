using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Referrals;

/// <summary>Where a clinician may refer: what the referral form offers, and what <c>referral.submit</c> accepts.</summary>
public abstract record ReferralScope
{
    public sealed record Allowed(IReadOnlyList<Establishment> Establishments) : ReferralScope;

    /// <summary>The directory could not be asked: nothing is allowed until it can (fail closed).</summary>
    public sealed record Unknown : ReferralScope;
}

/// <summary>
/// An establishment with <c>ClinicianGroupIds</c> takes referrals from members of those Entra groups alone; one
/// without, from any member of the tenant. Guest accounts refer nowhere. Whether a caller is a guest comes from the
/// directory (<c>userType</c>), not from the activity: Teams' activities carry no role for the sender (the recorded
/// payloads' <c>from</c> has an id, a name and an Entra object id only), and the directory is asked anyway for the
/// groups, so one cached answer says both.
/// </summary>
public sealed class ReferralAccess(EstablishmentCatalog establishments, IDirectory directory)
{
    public async Task<ReferralScope> ScopeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var groups = establishments.All.SelectMany(e => e.ClinicianGroupIds).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var entry = await directory.LookUpAsync(caller.AadObjectId, groups, cancellationToken);
        if (entry is null)
        {
            return new ReferralScope.Unknown();
        }

        return new ReferralScope.Allowed(entry.IsGuest
            ? []
            : [.. establishments.All.Where(e => e.ClinicianGroupIds.Count == 0 || e.ClinicianGroupIds.Any(entry.MemberOf.Contains))]);
    }

    /// <summary>The form for these establishments: only theirs to pick, only the cancer types they take.</summary>
    public static FormView Form(string formId, IReadOnlyList<Establishment> allowed, CardActionData values, IReadOnlyDictionary<string, string> errors) =>
        new(formId, [.. allowed.Select(e => new EstablishmentOption(e.Id, e.Name))], values, errors,
            [.. Vocabulary.CancerTypes.Where(type => allowed.Any(e => e.CancerTypes.Contains(type)))]);
}
