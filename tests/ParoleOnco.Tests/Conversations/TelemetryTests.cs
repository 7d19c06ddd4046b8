using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ParoleOnco.Cards;
using ParoleOnco.Infrastructure.Telemetry;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// A whole referral journey with the bot's own telemetry pipeline and in-memory exporters: what an operator sees, and
/// that nothing of the patient, the people or the export link's token is in any span or metric attribute. The
/// listeners are process-wide, so other tests' bots report here too: their data is the same journey's, a leak all the same.
/// </summary>
public abstract class TelemetryTests(Func<Task<TestDatabase>> database)
{
    private const string ExportToken = "signed-export-token-7f3a";

    [SkippableFact]
    public async Task A_referral_journey_reports_turns_deliveries_and_the_outbox_without_any_patient_data()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddParoleOncoTracing().AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddParoleOncoMetrics().AddInMemoryExporter(metrics).Build();
        await using var world = await World.StartAsync(database, "fr-CA");

        await PlayJourneyAsync(world);

        // Disposed (and so flushed) before reading: the bot's background work would go on adding to the lists.
        tracing.Dispose();
        meters.Dispose();

        string[] secrets =
        [
            "CHUM-0042", "5550199", "555-0199", "555 0199", "après-midi", "Préfère", ExportToken,
            world.Clinician.Name, world.Ap.Name, world.Coordinator.Name, world.Admin.Name,
        ];
        var reported = Reported(spans, metrics).ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(reported, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        var turnVerbs = TagValues(metrics, "paroleonco.turn.duration", "verb");
        Assert.Contains("refer", turnVerbs);
        Assert.Contains("help", turnVerbs);
        Assert.Contains(CardVerbs.ReferralSubmit, turnVerbs);
        Assert.Contains(CardVerbs.AssignmentAccept, turnVerbs);
        Assert.Contains("sent", TagValues(metrics, "paroleonco.outbox.deliveries", "outcome"));
        Assert.Contains(metrics, m => m.Name == "paroleonco.outbox.pending");
        Assert.Contains(metrics, m => m.Name == "paroleonco.outbox.oldest_pending_age");
        Assert.Contains(metrics, m => m.Name == "paroleonco.parked");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), "/api/messages"));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client);
    }

    private static async Task PlayJourneyAsync(World world)
    {
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove,
            new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "referral-card");
        var offer = world.LastCallTo(world.Ap.PersonalConversationId);
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept,
            new JsonObject { ["referralId"] = referralId }, World.Personal, offer.ActivityId!);

        // What people type is not a command's name; a signed link's token is not a URL to keep.
        await world.Teams.SayAsync(world.Clinician, "CHUM-0042 514 555-0199 Préfère les après-midi", World.Personal);
        await world.DeliverAllAsync();
        using var http = world.CreateHttpClient();
        using var _ = await http.GetAsync($"/exports/audit.csv?token={ExportToken}");
    }

    private static HashSet<string> TagValues(List<MetricSnapshot> metrics, string name, string tag) =>
    [
        .. metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .SelectMany(Tags).Where(t => t.Key == tag).Select(t => t.Value?.ToString() ?? ""),
    ];

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    /// <summary>Every name and attribute an exporter would send: span names, span and event tags, metric names and point tags.</summary>
    private static IEnumerable<string> Reported(List<Activity> spans, List<MetricSnapshot> metrics)
    {
        foreach (var span in spans)
        {
            yield return span.DisplayName;
            yield return span.OperationName;
            foreach (var (key, value) in span.TagObjects.Concat(span.Events.SelectMany(e => e.Tags)))
            {
                yield return $"{key}={value}";
            }

            foreach (var spanEvent in span.Events)
            {
                yield return spanEvent.Name;
            }
        }

        foreach (var metric in metrics)
        {
            yield return metric.Name;
            foreach (var (key, value) in metric.MetricPoints.SelectMany(Tags))
            {
                yield return $"{key}={value}";
            }
        }
    }
}

public sealed class TelemetryOnSqlite() : TelemetryTests(Databases.Sqlite);

public sealed class TelemetryOnPostgres() : TelemetryTests(Databases.Postgres);

/// <summary>The bot's tracing of its own HTTP calls (Teams, Graph), on its own: one class, so no other test calls port 9.</summary>
public sealed class OutgoingCallTelemetryTests
{
    [Fact]
    public async Task An_outgoing_call_is_reported_by_its_host_alone()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddParoleOncoTracing().AddInMemoryExporter(spans).Build();
        using var http = new HttpClient();

        // Graph finds people by address: the path of such a call names them. Port 9 (discard) refuses it, quickly.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync("http://127.0.0.1:9/v1.0/users/helene.oncologue@example.org?$select=id"));
        tracing.ForceFlush();

        var call = Assert.Single(spans, s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("server.port"), 9));
        Assert.Equal("http://127.0.0.1:9", call.GetTagItem("url.full"));
        Assert.DoesNotContain(call.TagObjects, t => t.Value?.ToString()?.Contains("oncologue", StringComparison.OrdinalIgnoreCase) == true);
    }
}

/// <summary>The pipeline exists only where Application Insights is configured: a local bot or a test pays for none.</summary>
public sealed class TelemetryWiringTests
{
    [Fact]
    public async Task The_bot_exports_traces_and_metrics_only_when_Application_Insights_is_configured()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var local = new BotApp(database, new FakeTimeProvider(), []);
        await using var monitored = new BotApp(database, new FakeTimeProvider(), [], settings: new Dictionary<string, string>
        {
            // A loopback port nobody listens on: nothing leaves the machine.
            [TelemetryServices.ConnectionStringKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.Null(local.Services.GetService<TracerProvider>());
        Assert.Null(local.Services.GetService<MeterProvider>());
        Assert.NotNull(monitored.Services.GetService<TracerProvider>());
        Assert.NotNull(monitored.Services.GetService<MeterProvider>());
    }
}
