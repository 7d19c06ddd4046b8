using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ParoleOnco.Infrastructure.Telemetry;

/// <summary>
/// What the bot reports: requests (ASP.NET Core), its calls to Teams and Graph (HttpClient), and its own meter. No
/// attribute carries patient data: a typed command is named by its handler, never by what was typed; query strings
/// (the audit export's signed token) and the paths of outgoing calls (Graph's <c>/users/{address}</c>) are dropped.
/// </summary>
public static class BotTelemetry
{
    public const string ServiceName = "ParoleOnco";
    public const string MeterName = "ParoleOnco";

    public static TracerProviderBuilder AddParoleOncoTracing(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(o =>
        {
            o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz");
            o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
        })
        .AddHttpClientInstrumentation(o =>
            o.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("url.full", AuthorityOf(request.RequestUri)));

    public static MeterProviderBuilder AddParoleOncoMetrics(this MeterProviderBuilder metrics) => metrics
        .AddMeter(MeterName)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();

    /// <summary>Where a call went, not what it asked: paths name people (Graph) and conversations (Teams).</summary>
    private static string? AuthorityOf(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Authority) : null;
}
