using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Teams;

/// <summary>
/// Keeps, per person (their 1:1 chat) and per channel, the reference the bot needs to write first, refreshed
/// from every incoming activity: Teams may move a tenant to another <c>serviceUrl</c>.
/// </summary>
public sealed class ConversationStore(ParoleOncoDbContext db, IMemoryCache known)
{
    /// <summary>
    /// How long this process trusts that a conversation's row is what it last saw: a person writes in bursts, and
    /// another instance may change the row meanwhile (a locale switched back and forth), so not for long.
    /// </summary>
    private static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(1);

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();

        // Without an activity id, a proactive message is a new post, not a reply in the thread of the last message.
        reference.ActivityId = null;
        var conversationType = activity.Conversation?.ConversationType;
        if (conversationType == "personal" && activity.From?.AadObjectId is { Length: > 0 } aadObjectId)
        {
            await UpsertAsync(reference, activity.Conversation!.Id, aadObjectId, channelId: null, activity.Locale, cancellationToken);
        }
        else if (conversationType == "channel" && activity.GetChannelData<TeamsChannelData>()?.Channel?.Id is { } channelId)
        {
            // The channel itself, not the thread: new posts go to the channel.
            reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channelId, tenantId: activity.Conversation!.TenantId);
            reference.User = null; // whoever wrote last is not part of the channel's address
            await UpsertAsync(reference, channelId, userAadObjectId: null, channelId, locale: null, cancellationToken);
        }
    }

    /// <summary>
    /// The 1:1 chat Graph named for an installation the bot made, before Teams sends its first activity there: written
    /// to at the tenant's <c>serviceUrl</c> (the one its other conversations use). False when the bot knows none yet.
    /// </summary>
    public async Task<bool> RememberChatAsync(string aadObjectId, string chatId, CancellationToken cancellationToken)
    {
        var known = await db.Conversations.AsNoTracking().OrderBy(c => c.ConversationId).Select(c => c.ReferenceJson).FirstOrDefaultAsync(cancellationToken);
        if (known is null || JsonConvert.DeserializeObject<ConversationReference>(known) is not { ServiceUrl.Length: > 0 } tenant)
        {
            return false;
        }

        var reference = new ConversationReference
        {
            ServiceUrl = tenant.ServiceUrl,
            ChannelId = tenant.ChannelId ?? "msteams",
            Bot = tenant.Bot,
            User = new ChannelAccount { Id = aadObjectId, AadObjectId = aadObjectId },
            Conversation = new ConversationAccount(conversationType: "personal", id: chatId, tenantId: tenant.Conversation?.TenantId),
        };
        await UpsertAsync(reference, chatId, aadObjectId, channelId: null, locale: null, cancellationToken);
        return true;
    }

    public static ConversationReference Reference(StoredConversation stored) =>
        JsonConvert.DeserializeObject<ConversationReference>(stored.ReferenceJson)
        ?? throw new InvalidOperationException($"Stored conversation {stored.ConversationId} has no reference.");

    /// <summary>
    /// One statement, because Teams sends a new chat's installationUpdate and conversationUpdate at the same time:
    /// read-then-insert would race. Both providers speak this form of upsert.
    /// </summary>
    private async Task UpsertAsync(
        ConversationReference reference, string conversationId, string? userAadObjectId, string? channelId, string? locale,
        CancellationToken cancellationToken)
    {
        // Most turns change nothing: what this process saw last is not read again, a read takes no write lock, and
        // only a change is written.
        var json = JsonConvert.SerializeObject(reference);
        var cacheKey = $"conversation/{conversationId}";
        var seen = new SeenConversation(json, userAadObjectId, channelId, locale);
        if (known.TryGetValue(cacheKey, out SeenConversation? last) && seen.Matches(last!))
        {
            return;
        }

        var stored = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (stored is not null && seen.Matches(new SeenConversation(stored.ReferenceJson, stored.UserAadObjectId, stored.ChannelId, stored.Locale)))
        {
            known.Set(cacheKey, seen with { Locale = stored.Locale }, KnownFor);
            return;
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Conversations" ("ConversationId", "UserAadObjectId", "ChannelId", "Locale", "ReferenceJson")
            VALUES ({conversationId}, {userAadObjectId}, {channelId}, {locale}, {json})
            ON CONFLICT ("ConversationId") DO UPDATE SET
                "UserAadObjectId" = excluded."UserAadObjectId",
                "ChannelId" = excluded."ChannelId",
                "Locale" = COALESCE(excluded."Locale", "Conversations"."Locale"),
                "ReferenceJson" = excluded."ReferenceJson"
            """,
            cancellationToken);
        known.Set(cacheKey, seen with { Locale = locale ?? stored?.Locale }, KnownFor);
    }

    /// <summary>A conversation's row as written; a turn without a locale keeps the one stored.</summary>
    private sealed record SeenConversation(string ReferenceJson, string? UserAadObjectId, string? ChannelId, string? Locale)
    {
        public bool Matches(SeenConversation stored) =>
            stored.ReferenceJson == ReferenceJson && stored.UserAadObjectId == UserAadObjectId && stored.ChannelId == ChannelId
            && (Locale is null || stored.Locale == Locale);
    }
}
