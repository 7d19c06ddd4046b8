namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>Where a test user talks to the bot: their 1:1 chat, or a thread of a team channel.</summary>
public abstract record Where
{
    public sealed record Personal : Where;

    public sealed record Channel(string TeamId, string ChannelId, string RootMessageId = "1") : Where
    {
        public string ThreadId => $"{ChannelId};messageid={RootMessageId}";
    }
}
