using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Features.Reminders;

/// <summary>
/// What a reminder of some kinds does when it comes due, registered per kind (<c>AddScheduledWork</c>): the
/// schedule fires reminders once each, whatever they are about; a new kind of scheduled work is one class.
/// </summary>
public interface IScheduledWork
{
    /// <returns>The cards to send, in the same transaction as the reminder marked done.</returns>
    Task<IReadOnlyList<CardDelivery>> FireAsync(Reminder reminder, CancellationToken cancellationToken);
}

/// <summary>Work that comes back on its own (the retention purge): the schedule makes sure one run is always pending.</summary>
public interface IPeriodicWork
{
    ReminderKind Kind { get; }

    /// <summary>The key of its pending run: the database keeps one pending reminder per key.</summary>
    string Key { get; }

    DateTimeOffset NextRunAfter(DateTimeOffset now);
}
