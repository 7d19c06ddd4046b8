namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>Where a test user talks to the bot: their 1:1 chat, a thread of a team channel, or a group chat.</summary>
public abstract record Where
{
    public sealed record Personal : Where;

    public sealed record Channel(string TeamId, string ChannelId, string RootMessageId = "1") : Where
    {
        public string ThreadId => $"{ChannelId};messageid={RootMessageId}";
    }

    public sealed record GroupChat(string ConversationId) : Where;
}
