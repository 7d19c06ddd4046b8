using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParoleOnco.Infrastructure;

internal sealed class DatabaseHealthCheck(ParoleOncoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database is not reachable.");
}
