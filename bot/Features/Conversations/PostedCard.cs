namespace ParoleOnco.Features.Conversations;

/// <summary>A card message the bot posted and will update in place, found by its message key.</summary>
public sealed class PostedCard
{
    public required string Key { get; init; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
}
