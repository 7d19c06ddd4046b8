using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Reminders;

/// <summary>Adds reminders to the turn's unit of work: they exist exactly when the change that wants them is saved.</summary>
public sealed class ReminderSchedule(ParoleOncoDbContext db)
{
    public void Add(ReminderKind kind, Guid referralId, DateTimeOffset since, DateTimeOffset dueAt, Guid? escalationId = null) =>
        db.Reminders.Add(Reminder.Create(kind, referralId, since, dueAt, escalationId));

    /// <summary>The next run of periodic work; the database refuses a second pending one of the same key.</summary>
    public void AddPeriodic(ReminderKind kind, string key, DateTimeOffset dueAt) =>
        db.Reminders.Add(Reminder.Periodic(kind, key, dueAt));
}
