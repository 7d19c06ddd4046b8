using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using ParoleOnco.Features.Delivery;

namespace ParoleOnco.Teams;

/// <summary>
/// Installs the Teams app for a person (<c>POST /users/{id}/teamwork/installedApps</c>, application permission
/// <c>TeamsAppInstallation.ReadWriteSelfForUser.All</c>; 409: it already was), then finds the 1:1 chat that opens
/// (<c>…/installedApps/{id}/chat</c>, <c>TeamsAppInstallation.ReadForUser.All</c>) and remembers it, so the card waiting
/// for them goes there. The app is the tenant catalog's entry whose <c>externalId</c> is <c>Graph:TeamsAppId</c>.
/// </summary>
public sealed partial class GraphAppInstaller(
    GraphAccess graph, BotIdentity bot, IOptions<GraphOptions> options, IMemoryCache cache, ConversationStore conversations, ILogger<GraphAppInstaller> logger)
    : IAppInstaller
{
    public async Task<AppInstallation> InstallAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (graph.Client is not { } client)
        {
            LogCannotInstall(logger, graph.Unavailable);
            return AppInstallation.Impossible;
        }

        try
        {
            if (await CatalogIdAsync(client, cancellationToken) is not { } catalogId)
            {
                LogNotInCatalog(logger, TeamsAppId);
                return AppInstallation.Impossible;
            }

            await InstallAsync(client, aadObjectId, catalogId, cancellationToken);
            return await BotChats.ChatIdAsync(client, aadObjectId, TeamsAppId, cancellationToken) is { } chatId && await conversations.RememberChatAsync(aadObjectId, chatId, cancellationToken)
                ? AppInstallation.Ready
                : AppInstallation.Pending;
        }
        catch (ApiException ex) when (ex.ResponseStatusCode is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.BadRequest)
        {
            // No such person, no consent, an app the tenant blocks: asking again will not change it.
            LogFailed(logger, ex.ResponseStatusCode);
            return AppInstallation.Impossible;
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or Azure.Identity.AuthenticationFailedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, (ex as ApiException)?.ResponseStatusCode ?? 0);
            return AppInstallation.TryAgain;
        }
    }

    private string TeamsAppId => options.Value.TeamsAppId is { Length: > 0 } id ? id : bot.AppId;

    private async Task InstallAsync(GraphServiceClient client, string aadObjectId, string catalogId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{catalogId}" },
        };
        try
        {
            await client.Users[aadObjectId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            // Already installed for them (by a policy, by hand, by an earlier try whose answer was lost).
        }
    }

    /// <summary>The app's id in the tenant catalog, which the installation names: not the manifest's id.</summary>
    private async Task<string?> CatalogIdAsync(GraphServiceClient client, CancellationToken cancellationToken)
    {
        if (options.Value.TeamsAppCatalogId is { Length: > 0 } configured)
        {
            return configured;
        }

        var key = $"teams-app-catalog/{TeamsAppId}";
        if (cache.TryGetValue(key, out string? known) && known is not null)
        {
            return known;
        }

        var apps = await client.AppCatalogs.TeamsApps.GetAsync(r => r.QueryParameters.Filter = $"externalId eq '{TeamsAppId.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
        return apps?.Value?.FirstOrDefault()?.Id is { } id ? cache.Set(key, id, TimeSpan.FromHours(12)) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app cannot be installed for a person without Microsoft Graph ({Reason}): the card to them is given up")]
    private static partial void LogCannotInstall(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tenant's app catalog has no app with externalId {TeamsAppId} (Graph:TeamsAppId): nothing can be installed")]
    private static partial void LogNotInCatalog(ILogger logger, string teamsAppId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Installing the app for a person failed (status {Status})")]
    private static partial void LogFailed(ILogger logger, int status);
}
