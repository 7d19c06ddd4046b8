namespace ParoleOnco.Features.Conversations;

/// <summary>Where the bot sends a card on its own initiative.</summary>
public abstract record Recipient
{
    private Recipient() { }

    /// <summary>A person's 1:1 chat with the bot.</summary>
    public sealed record Person(string AadObjectId) : Recipient;

    /// <summary>The coordinators' channel of an establishment.</summary>
    public sealed record CoordinatorsOf(string EstablishmentId) : Recipient;
}
