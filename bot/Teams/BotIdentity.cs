namespace ParoleOnco.Teams;

/// <summary>
/// The bot's Microsoft App id (empty when it runs locally without Azure: anonymous traffic) and its tenant
/// (<c>MicrosoftAppTenantId</c>; empty when not set), the only one whose activities it takes in.
/// </summary>
public sealed record BotIdentity(string AppId, string TenantId = "")
{
    public static BotIdentity From(IConfiguration configuration) =>
        new(configuration["MicrosoftAppId"] ?? "", configuration["MicrosoftAppTenantId"] ?? "");

    /// <summary>
    /// Why the bot must not start, or null. Without an app id nothing is authenticated: that mode is for
    /// <c>dotnet run</c> on a developer's machine (the Development environment), never a deployment.
    /// </summary>
    public static string? RefusalToStart(IConfiguration configuration, IHostEnvironment environment) =>
        From(configuration).AppId.Length == 0 && !environment.IsDevelopment()
            ? $"MicrosoftAppId is not set: without it the bot authenticates nobody, which only the Development environment allows (this is {environment.EnvironmentName})."
            : null;
}
