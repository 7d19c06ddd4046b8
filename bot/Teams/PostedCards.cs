using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Teams;

/// <summary>Which Teams message shows the card under each message key, so later changes update it in place.</summary>
public sealed class PostedCards(ParoleOncoDbContext db)
{
    public Task<PostedCard?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.PostedCards.AsNoTracking().SingleOrDefaultAsync(p => p.Key == key, cancellationToken);

    /// <summary>One statement: the same form submitted twice at once remembers its message once, without a conflict.</summary>
    public Task RememberAsync(string key, string conversationId, string activityId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "PostedCards" ("Key", "ConversationId", "ActivityId") VALUES ({key}, {conversationId}, {activityId})
            ON CONFLICT ("Key") DO UPDATE SET "ConversationId" = excluded."ConversationId", "ActivityId" = excluded."ActivityId"
            """,
            cancellationToken);

    /// <summary>The message is gone (someone deleted it): the next delivery posts the card again.</summary>
    public Task ForgetAsync(string key, CancellationToken cancellationToken) =>
        db.PostedCards.Where(p => p.Key == key).ExecuteDeleteAsync(cancellationToken);
}
