namespace ParoleOnco.Features.Conversations;

/// <summary>
/// What kind of place a message goes to; stored with the outbox message (in lower case) beside the recipient's
/// <see cref="Recipient.Id"/>, from which <see cref="Recipient.Of"/> makes the recipient again.
/// </summary>
public enum RecipientKind
{
    Person,
    Coordinators,
    Community,
}

/// <summary>
/// Where the bot sends a card on its own initiative. Each kind of place is one type: it says how it is stored and how
/// its conversation is found, so a new kind of place is one more type here and one line in <see cref="Of"/>.
/// </summary>
public abstract record Recipient(RecipientKind Kind, string Id)
{
    public static Recipient Of(RecipientKind kind, string id) => kind switch
    {
        RecipientKind.Person => new Person(id),
        RecipientKind.Coordinators => new CoordinatorsOf(id),
        RecipientKind.Community => new Community(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recipient."),
    };

    /// <summary>
    /// The establishment whose coordinators this place is: they hear of the cards that cannot be delivered elsewhere, and
    /// of their own channel's only through the clinician whose referral waits.
    /// </summary>
    public virtual string? Establishment => null;

    /// <summary>Whether installing the app for the recipient opens the conversation the card goes to.</summary>
    public virtual bool OpensOnInstall => false;

    /// <summary>The conversation to write in; null while the bot knows none.</summary>
    public abstract Task<Destination?> FindAsync(ConversationLookup lookup, CancellationToken cancellationToken);

    /// <summary>A person's 1:1 chat with the bot.</summary>
    public sealed record Person(string AadObjectId) : Recipient(RecipientKind.Person, AadObjectId)
    {
        public override bool OpensOnInstall => true;

        public override Task<Destination?> FindAsync(ConversationLookup lookup, CancellationToken cancellationToken) =>
            lookup.ChatOfAsync(AadObjectId, cancellationToken);
    }

    /// <summary>The coordinators' channel of an establishment.</summary>
    public sealed record CoordinatorsOf(string EstablishmentId) : Recipient(RecipientKind.Coordinators, EstablishmentId)
    {
        public override string? Establishment => EstablishmentId;

        public override Task<Destination?> FindAsync(ConversationLookup lookup, CancellationToken cancellationToken) =>
            lookup.ChannelAsync(db => db.CoordinatorChannels.Where(c => c.EstablishmentId == EstablishmentId)
                .Select(c => new ChannelAddress(c.TeamId, c.ChannelId)), cancellationToken);
    }

    /// <summary>The community of practice's channel: one for the whole program.</summary>
    public sealed record Community() : Recipient(RecipientKind.Community, ProgramWide)
    {
        /// <summary>The recipient id stored for the one community channel.</summary>
        public const string ProgramWide = "program";

        public override Task<Destination?> FindAsync(ConversationLookup lookup, CancellationToken cancellationToken) =>
            lookup.ChannelAsync(db => db.CommunityChannels.Select(c => new ChannelAddress(c.TeamId, c.ChannelId)), cancellationToken);
    }
}
