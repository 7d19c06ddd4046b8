namespace ParoleOnco.Benchmarks.Load;

/// <summary>A Teams user as the connector and the activities name them.</summary>
public sealed record BenchUser(string Name, string AadObjectId, string TeamsId, string Locale = "fr-CA")
{
    public string PersonalConversationId => $"a:personal-{TeamsId}";

    public static BenchUser Create(string name, int number) =>
        new(name, $"00000000-0000-0000-0000-{number:D12}", $"29:user-{number}");
}

/// <summary>Where a user talks to the bot: their 1:1 chat, or a thread of a team channel.</summary>
public abstract record Where
{
    public sealed record Personal : Where;

    public sealed record Channel(string TeamId, string ChannelId, string RootMessageId = "1") : Where
    {
        public string ThreadId => $"{ChannelId};messageid={RootMessageId}";
    }
}
