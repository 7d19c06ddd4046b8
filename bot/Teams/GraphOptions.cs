namespace ParoleOnco.Teams;

/// <summary>
/// Microsoft Graph, read to tell who may refer (see <see cref="GraphDirectory"/>) and to find a card Teams may already
/// show after a post whose answer was lost: the Bot
/// Connector has no idempotency key and cannot list a conversation's messages.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's root with its version: another one in a national cloud, a loopback stand-in locally.</summary>
    public string BaseUrl { get; init; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Where the bot's app credentials get a Graph token: another one in a national cloud.</summary>
    public string AuthorityHost { get; init; } = "https://login.microsoftonline.com/";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The Teams app's id (the manifest's <c>id</c>), to find its 1:1 chats; by default the bot's app id, as <c>manifest/build.sh</c> does.</summary>
    public string? TeamsAppId { get; init; }

    /// <summary>
    /// The app's id in the tenant's catalog, which installing it for a person names (not the manifest's id). Empty: looked
    /// up by <see cref="TeamsAppId"/>, which needs the application permission <c>AppCatalog.Read.All</c> besides.
    /// </summary>
    public string? TeamsAppCatalogId { get; init; }

    /// <summary>Pages of 50 messages read at most in one lookup: a card looked for is recent, an endless scan is not.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>Taken off the time a card may have been posted from, for the clocks of the bot and Teams.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
