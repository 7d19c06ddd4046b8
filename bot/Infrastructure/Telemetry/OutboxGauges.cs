using System.Diagnostics.Metrics;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Reminders;

namespace ParoleOnco.Infrastructure.Telemetry;

/// <summary>
/// The outbox's backlog and what waits for an admin, read from the database only when a metrics reader collects
/// (once a minute with Azure Monitor; never without an exporter), by indexed counts. A hosted service so that the
/// gauges exist from the start; it runs nothing.
/// </summary>
internal sealed class OutboxGauges : IHostedService
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;

    public OutboxGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        var meter = meters.Create(BotTelemetry.MeterName);
        meter.CreateObservableGauge("paroleonco.outbox.pending", PendingCount, "{message}", "Messages waiting to be delivered.");
        meter.CreateObservableGauge("paroleonco.outbox.oldest_pending_age", OldestPendingAge, "s", "Age of the oldest message waiting to be delivered.");
        meter.CreateObservableGauge("paroleonco.parked", ParkedCount, "{item}", "Messages and reminders parked for an admin (see 'parked').");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Observable callbacks are synchronous; a failing read is caught and reported by the OpenTelemetry SDK.
    private int PendingCount() => Read(db => db.OutboxMessages.Count(m => m.Status == OutboxStatus.Pending));

    private int ParkedCount() => Read(db =>
        db.OutboxMessages.Count(m => m.Status == OutboxStatus.Parked) + db.Reminders.Count(r => r.Status == ReminderStatus.Parked));

    /// <summary>Ids grow with time: the lowest pending id is the oldest message, without ordering by a date (SQLite cannot).</summary>
    private double OldestPendingAge() => Read(db =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault()
            is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0);

    private T Read<T>(Func<ParoleOncoDbContext, T> query)
    {
        using var scope = scopes.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>());
    }
}
