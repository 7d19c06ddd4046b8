namespace ParoleOnco.Teams;

/// <summary>The bot's Microsoft App id; empty when it runs locally without Azure (anonymous traffic).</summary>
public sealed record BotIdentity(string AppId)
{
    public static BotIdentity From(IConfiguration configuration) => new(configuration["MicrosoftAppId"] ?? "");
}
