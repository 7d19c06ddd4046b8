using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Conversations;

/// <summary>The language to write in when the bot speaks first.</summary>
public sealed class Locales(ParoleOncoDbContext db, EstablishmentCatalog establishments, IDirectory directory)
{
    /// <summary>
    /// The locale of the person's last message to the bot; if they never wrote, the <c>preferredLanguage</c> of their
    /// Microsoft 365 settings (the directory, cached); French when neither says.
    /// </summary>
    public async Task<CultureInfo> OfPersonAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var locale = await db.Conversations.AsNoTracking()
            .Where(c => c.UserAadObjectId == aadObjectId)
            .Select(c => c.Locale)
            .FirstOrDefaultAsync(cancellationToken);
        if (locale is null && aadObjectId.Length > 0
            && await directory.FindAsync(aadObjectId, cancellationToken) is PersonLookup.Found { Person.PreferredLanguage: { Length: > 0 } preferred })
        {
            locale = preferred;
        }

        return Caller.CultureFor(locale ?? "fr-CA");
    }

    /// <summary>A coordinators' channel is shared: it is written in its establishment's working language.</summary>
    public CultureInfo OfEstablishment(string establishmentId) =>
        Caller.CultureFor(establishments.Find(establishmentId)?.Language ?? "fr-CA");
}
