namespace ParoleOnco.Features.Conversations;

public enum PlaceKind
{
    Personal,
    Channel,
    GroupChat,
}

/// <summary>Where a turn happens. <see cref="ClickedMessageId"/> is the card message an action came from.</summary>
public sealed record Place(PlaceKind Kind, string ConversationId, string? TeamId, string? ChannelId, string? ClickedMessageId = null);
