using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Conversations;

/// <summary>The language to write in when the bot speaks first.</summary>
public sealed class Locales(ParoleOncoDbContext db, EstablishmentCatalog establishments)
{
    /// <summary>The locale of the person's last message to the bot; French if they never wrote.</summary>
    public async Task<CultureInfo> OfPersonAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var locale = await db.Conversations.AsNoTracking()
            .Where(c => c.UserAadObjectId == aadObjectId)
            .Select(c => c.Locale)
            .FirstOrDefaultAsync(cancellationToken);
        return Caller.CultureFor(locale ?? "fr-CA");
    }

    /// <summary>A coordinators' channel is shared: it is written in its establishment's working language.</summary>
    public CultureInfo OfEstablishment(string establishmentId) =>
        Caller.CultureFor(establishments.Find(establishmentId)?.Language ?? "fr-CA");
}
