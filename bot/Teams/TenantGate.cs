using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace ParoleOnco.Teams;

/// <summary>
/// With <c>MicrosoftAppTenantId</c> set, the bot serves that tenant alone: an activity that names another tenant, or
/// none, is not taken in. Teams names it twice (<c>channelData.tenant.id</c>, <c>conversation.tenantId</c>); both,
/// where present, must be the bot's.
/// </summary>
internal static class TenantGate
{
    public static bool IsFromAnotherTenant(Activity activity, string tenantId)
    {
        if (tenantId.Length == 0)
        {
            return false;
        }

        string?[] named = [activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id, activity.Conversation?.TenantId];
        var tenants = named.Where(t => !string.IsNullOrEmpty(t)).ToList();
        return tenants.Count == 0 || tenants.Any(t => !string.Equals(t, tenantId, StringComparison.OrdinalIgnoreCase));
    }
}
