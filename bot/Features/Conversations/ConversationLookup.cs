using Microsoft.EntityFrameworkCore;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Conversations;

/// <summary>The team and channel a place was bound to by <c>setup</c>.</summary>
public sealed record ChannelAddress(string TeamId, string ChannelId);

/// <summary>The conversation to write in, and for a channel its team, where Graph looks for a card.</summary>
public sealed record Destination(StoredConversation Conversation, string? TeamId);

/// <summary>Finds the stored conversation of a person's chat or of a bound channel, for <see cref="Recipient.FindAsync"/>.</summary>
public sealed class ConversationLookup(ParoleOncoDbContext db)
{
    public async Task<Destination?> ChatOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.UserAadObjectId == aadObjectId, cancellationToken) is { } chat
            ? new Destination(chat, TeamId: null)
            : null;

    /// <param name="binding">The channel a place is bound to, read from its binding table; none while it is not set up.</param>
    public async Task<Destination?> ChannelAsync(
        Func<ParoleOncoDbContext, IQueryable<ChannelAddress>> binding, CancellationToken cancellationToken)
    {
        var address = await binding(db).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return address is not null && await OfChannelAsync(address.ChannelId, cancellationToken) is { } stored
            ? new Destination(stored, address.TeamId)
            : null;
    }

    /// <summary>The stored conversation of a channel the bot has heard from; null before it has.</summary>
    public Task<StoredConversation?> OfChannelAsync(string channelId, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ChannelId == channelId, cancellationToken);
}
