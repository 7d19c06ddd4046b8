using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Teams;

/// <summary>Which Teams message shows the card under each message key, so later changes update it in place.</summary>
public sealed class PostedCards(ParoleOncoDbContext db, TimeProvider clock)
{
    public Task<PostedCard?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.PostedCards.AsNoTracking().SingleOrDefaultAsync(p => p.Key == key, cancellationToken);

    public async Task RememberAsync(string key, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var posted = await db.PostedCards.FindAsync([key], cancellationToken);
        if (posted is null)
        {
            db.PostedCards.Add(new PostedCard { Key = key, ConversationId = conversationId, ActivityId = activityId, PostedAt = clock.GetUtcNow() });
        }
        else
        {
            (posted.ConversationId, posted.ActivityId, posted.PostedAt) = (conversationId, activityId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
