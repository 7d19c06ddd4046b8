namespace ParoleOnco.Teams;

/// <summary>The bot's Microsoft App id; empty when it runs locally without Azure (anonymous traffic).</summary>
public sealed record BotIdentity(string AppId)
{
    public static BotIdentity From(IConfiguration configuration) => new(configuration["MicrosoftAppId"] ?? "");

    /// <summary>
    /// Why the bot must not start, or null. Without an app id nothing is authenticated: that mode is for
    /// <c>dotnet run</c> on a developer's machine (the Development environment), never a deployment.
    /// </summary>
    public static string? RefusalToStart(IConfiguration configuration, IHostEnvironment environment) =>
        From(configuration).AppId.Length == 0 && !environment.IsDevelopment()
            ? $"MicrosoftAppId is not set: without it the bot authenticates nobody, which only the Development environment allows (this is {environment.EnvironmentName})."
            : null;
}
