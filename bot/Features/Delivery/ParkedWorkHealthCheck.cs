using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParoleOnco.Features.Delivery;

/// <summary><c>/healthz</c> says Degraded while anything is parked: the bot runs, but something waits for an admin.</summary>
internal sealed class ParkedWorkHealthCheck(ParkedWork parked) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await parked.CountAsync(cancellationToken) is var count and > 0
            ? HealthCheckResult.Degraded($"{count} parked (type 'parked' in a 1:1 chat with the bot as an admin to list them).")
            : HealthCheckResult.Healthy();
}
