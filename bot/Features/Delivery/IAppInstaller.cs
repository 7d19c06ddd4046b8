namespace ParoleOnco.Features.Delivery;

public enum AppInstallation
{
    /// <summary>The app is installed for the person and the bot knows their chat: the card can go now.</summary>
    Ready,

    /// <summary>Installed, but Teams has not opened the chat yet: try again a little later.</summary>
    Pending,

    /// <summary>Graph was throttled, down or slow: try again later.</summary>
    TryAgain,

    /// <summary>It never will be (no Graph, no such person, the app not in the tenant's catalog, no consent): give up.</summary>
    Impossible,
}

/// <summary>Installs the Teams app for a person who never opened a chat with the bot, so that it can write to them.</summary>
public interface IAppInstaller
{
    Task<AppInstallation> InstallAsync(string aadObjectId, CancellationToken cancellationToken);
}
