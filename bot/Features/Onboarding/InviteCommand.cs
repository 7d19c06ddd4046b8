using System.Net.Mail;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>
/// <c>invite EMAIL</c>: in a coordinators' channel, a coordinator invites a person of the directory who may never have
/// written to the bot. The invitation (the AP registration form, in the person's preferred language) waits in the
/// outbox until the app is installed for them; this thread says who was invited, and when it reached them.
/// </summary>
public sealed class InviteCommand(
    Roles roles, IDirectory directory, EstablishmentCatalog establishments, Invitations invitations, Locales locales,
    ParoleOncoDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["invite", "inviter"];

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var coordinated = await roles.EstablishmentsCoordinatedHereAsync(request.Place, caller, cancellationToken);
        if (coordinated.Count == 0)
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotCoordinator);
        }

        if (request.Argument is not { } typed || !IsAddress(typed))
        {
            return TurnResult.Show(InvitationCards.Usage(caller.Culture));
        }

        return await directory.FindAsync(typed, cancellationToken) switch
        {
            PersonLookup.Found found => await InviteAsync(caller, coordinated[0], typed, found.Person, cancellationToken),
            PersonLookup.NotFound => TurnResult.Show(InvitationCards.UnknownAddress(typed, caller.Culture)),
            PersonLookup.NoDirectory => TurnResult.Show(InvitationCards.GraphNotConfigured(caller.Culture)),
            _ => TurnResult.Show(InvitationCards.DirectoryDown(caller.Culture)),
        };
    }

    private async Task<TurnResult> InviteAsync(Caller caller, string establishmentId, string email, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            EstablishmentId = establishmentId,
            AadObjectId = person.AadObjectId,
            Email = email,
            Name = person.DisplayName.Length > 0 ? person.DisplayName : email,
            InvitedByAadObjectId = caller.AadObjectId,
            InvitedByName = caller.Name,
            SentAt = clock.GetUtcNow(),
        };
        db.Invitations.Add(invitation);
        audit.Record(caller, "ap.invite", $"person:{person.AadObjectId}");

        var culture = person.PreferredLanguage is { Length: > 0 } preferred
            ? Caller.CultureFor(preferred)
            : await locales.OfPersonAsync(person.AadObjectId, cancellationToken);
        var form = new FormView(Guid.NewGuid().ToString("N"), establishments.Options, new CardActionData { EstablishmentId = establishmentId }, new Dictionary<string, string>());
        var card = InvitationCards.Invitation(form, caller.Name, establishments.NameOf(establishmentId), culture);
        var thread = invitations.Thread(invitation);
        return new TurnResult(thread.Card, [new CardDelivery(new Recipient.Person(person.AadObjectId), MessageKeys.Invitation(invitation.Id), card, establishmentId)], thread.Key);
    }

    /// <summary>One address, nothing that could change the Graph request's path or query.</summary>
    private static bool IsAddress(string typed) =>
        typed.Length <= 254 && typed.IndexOfAny(['/', '\\', '?', '#', '%', '\'', '"']) < 0
        && MailAddress.TryCreate(typed, out var address) && address.Address == typed;
}
