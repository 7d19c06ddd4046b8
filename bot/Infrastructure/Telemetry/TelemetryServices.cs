using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ParoleOnco.Infrastructure.Telemetry;

public static class TelemetryServices
{
    /// <summary>Application Insights' connection string, as App Service and the Azure Monitor exporter name it.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The bot's instruments always exist (recording with no listener costs next to nothing); OpenTelemetry collects
    /// and exports them only when Application Insights is configured, so a local bot or a test pays for no pipeline.
    /// </summary>
    public static IServiceCollection AddParoleOncoTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TurnMetrics>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddHostedService<OutboxGauges>();
        if (configuration[ConnectionStringKey] is { Length: > 0 } connectionString)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(BotTelemetry.ServiceName))
                .WithTracing(tracing => tracing.AddParoleOncoTracing()
                    .AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString))
                .WithMetrics(metrics => metrics.AddParoleOncoMetrics()
                    .AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString));
        }

        return services;
    }
}
