namespace ParoleOnco.Teams;

/// <summary>What <c>/api/messages</c> accepts before a request is authenticated.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>
    /// Teams caps a message at about 100 KB (text, cards, attachments' references) and an invoke carries one card's
    /// inputs: 256 KiB leaves room, where Kestrel's default would let an anonymous caller have 30 MB parsed.
    /// </summary>
    public int MaxActivityBytes { get; init; } = 256 * 1024;

    /// <summary>Requests one remote address may make a minute; Teams' own traffic comes from many Bot Service addresses.</summary>
    public int RequestsPerMinutePerClient { get; init; } = 1200;
}
