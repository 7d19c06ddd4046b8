using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace ParoleOnco.Teams;

/// <summary>
/// The Graph id of the 1:1 chat between a person and the bot, from the app's installation for them (the documented
/// way: <c>/users/{id}/teamwork/installedApps/{installation}/chat</c>); null when the app is not installed for them, or
/// was installed a moment ago and Teams has not opened the chat yet.
/// </summary>
public static class BotChats
{
    public static async Task<string?> ChatIdAsync(GraphServiceClient client, string aadObjectId, string teamsAppId, CancellationToken cancellationToken)
    {
        var installedApps = client.Users[aadObjectId].Teamwork.InstalledApps;
        var installations = await installedApps.GetAsync(r =>
        {
            r.QueryParameters.Expand = ["teamsApp"];
            r.QueryParameters.Filter = $"teamsApp/externalId eq '{teamsAppId.Replace("'", "''", StringComparison.Ordinal)}'";
        }, cancellationToken);
        if (installations?.Value?.FirstOrDefault()?.Id is not { } installation)
        {
            return null;
        }

        try
        {
            return (await installedApps[installation].Chat.GetAsync(cancellationToken: cancellationToken))?.Id;
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
