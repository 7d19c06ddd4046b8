namespace ParoleOnco.Teams;

/// <summary>
/// The bot's Microsoft App id (empty when it runs locally without Azure: anonymous traffic) and its tenant
/// (<c>MicrosoftAppTenantId</c>; empty when not set), the only one whose activities it takes in.
/// </summary>
public sealed record BotIdentity(string AppId, string TenantId = "")
{
    public static BotIdentity From(IConfiguration configuration) =>
        new(configuration["MicrosoftAppId"] ?? "", configuration["MicrosoftAppTenantId"] ?? "");
}
