namespace ParoleOnco.Features.Conversations;

/// <summary>
/// A conversation the bot can write to on its own: a person's 1:1 chat or a team channel. The Bot Framework
/// reference is kept as JSON and refreshed from every incoming activity, so <c>serviceUrl</c> stays current.
/// </summary>
public sealed class StoredConversation
{
    public required string ConversationId { get; init; }
    public string? UserAadObjectId { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public required string ReferenceJson { get; set; }
}
