using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// <c>stats</c>: coordinators read their establishment's figures in their channel, admins every establishment's and
/// the program's in their 1:1 chat; the card redraws in place for another period and links to two CSV exports.
/// </summary>
public sealed class StatsTests
{
    [Fact]
    public async Task A_coordinator_reads_this_months_figures_of_their_establishment_in_their_language()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();

        await world.Teams.SayAsync(world.Coordinator, "statistiques", World.E1Channel);
        var french = world.LastCallTo(World.E1Channel.ThreadId).Card!;
        await world.Teams.SayAsync(world.SecondCoordinator, "stats", World.E1Channel);
        var english = world.LastCallTo(World.E1Channel.ThreadId).Card!;

        Assert.Contains(CardTexts.Get("StatsTitle", "fr-CA"), CardQuery.Text(french));
        Assert.Equal(("1", "1", "1", "0"), (Fact(french, "StatsReceived", "fr-CA"), Fact(french, "StatsMatched", "fr-CA"), Fact(french, "StatsApAccepted", "fr-CA"), Fact(french, "StatsWaitingNow", "fr-CA")));
        Assert.Contains(CardTexts.Get("StatsTitle", "en"), CardQuery.Text(english));
        Assert.Equal("1", Fact(english, "StatsReceived", "en"));
        Assert.Empty(CardQuery.Choices(french, "establishmentId"));
        Assert.Equal(StatsPeriod.ThisMonth, CardQuery.Input(french, "period")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_period_redraws_the_card_in_place()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();

        var card = await world.Teams.ClickAsync(
            world.Coordinator, CardVerbs.StatsShow, new JsonObject { ["establishmentId"] = "E1", ["period"] = StatsPeriod.LastMonth }, World.E1Channel, "stats-card");

        Assert.Equal("0", Fact(card, "StatsReceived", "fr-CA"));
        Assert.Equal("1", Fact(card, "StatsActiveNow", "fr-CA"));
        Assert.Equal(StatsPeriod.LastMonth, CardQuery.Input(card, "period")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_in_their_chat_picks_any_establishment_or_the_whole_program()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();

        await world.Teams.SayAsync(world.Admin, "stats", World.Personal);
        var program = world.LastCallTo(world.Admin.PersonalConversationId).Card!;
        var e1 = await world.Teams.ClickAsync(
            world.Admin, CardVerbs.StatsShow, new JsonObject { ["establishmentId"] = "E1", ["period"] = StatsPeriod.Last12Months }, World.Personal, "stats-card");

        Assert.Contains(StatsCards.WholeProgram, CardQuery.Choices(program, "establishmentId").Keys);
        Assert.Contains("E1", CardQuery.Choices(program, "establishmentId").Keys);
        Assert.Equal("1", Fact(program, "StatsReceived", "fr-CA"));
        Assert.Contains(CardTexts.Get("StatsByEstablishment", "fr-CA"), CardQuery.Text(program));
        Assert.Equal("1", Fact(e1, "StatsReceived", "fr-CA"));
        Assert.DoesNotContain(CardTexts.Get("StatsByEstablishment", "fr-CA"), CardQuery.Text(e1));
    }

    [Fact]
    public async Task Anyone_but_a_coordinator_in_their_channel_or_an_admin_in_their_chat_is_refused()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();

        await world.Teams.SayAsync(world.Clinician, "stats", World.E1Channel);
        var channel = world.LastCallTo(World.E1Channel.ThreadId).Card!;
        await world.Teams.SayAsync(world.Coordinator, "stats", World.Personal);
        var personal = world.LastCallTo(world.Coordinator.PersonalConversationId).Card!;
        var forged = await world.Teams.ClickAsync(
            world.Coordinator, CardVerbs.StatsShow, new JsonObject { ["establishmentId"] = StatsCards.WholeProgram }, World.E1Channel, "stats-card");

        foreach (var card in new[] { channel, personal, forged })
        {
            Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(card));
            Assert.DoesNotContain(CardTexts.Get("StatsTitle", "fr-CA"), CardQuery.Text(card));
        }

        var refusals = await world.QueryAsync(db => db.AuditEntries.Where(e => e.Outcome == AuditOutcomes.Refused).Select(e => e.Reason).ToListAsync());
        Assert.Equal(["notCoordinator", "notAdmin", "notCoordinator"], refusals);
    }

    [Fact]
    public async Task The_figures_export_is_a_csv_with_a_byte_order_mark_the_exact_columns_and_each_download_audited()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();
        var url = await ExportLinkAsync(world, StatsEndpoints.FiguresPath);

        var (contentType, lines) = await DownloadAsync(world, url);

        Assert.Equal("text/csv", contentType);
        Assert.Equal("establishment,month,referrals,declined,matched,ap_accepted,ap_declined,median_hours_to_decision,first_contact_within_48h_pct,contacts,contact_minutes,escalations,median_minutes_to_acknowledge,closed,satisfaction_mean,satisfaction_responses,parking_dollars,kilometres", lines[0]);
        Assert.Equal("E1,2026-11,1,0,1,1,0,0,,0,0,0,,0,,0,0,0", lines[1]);
        var download = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "stats.export.figures"));
        Assert.Equal((world.Coordinator.AadObjectId, AuditPlaces.Download, "establishment:E1"), (download.ActorAadObjectId, download.Place, download.Subject));
    }

    [Fact]
    public async Task The_accompaniments_export_is_de_identified_with_a_pseudonym_per_export()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        var referralId = await world.AcceptedReferralAsync();
        var url = await ExportLinkAsync(world, StatsEndpoints.AccompanimentsPath);

        var (_, first) = await DownloadAsync(world, url);
        var (_, second) = await DownloadAsync(world, url);

        Assert.Equal(string.Join(',', AccompanimentsCsv.Columns), first[0]);
        var cells = first[1].Split(',');
        Assert.Equal(["E1", "2026-11", "breast", "45-54", "fr", "phone"], cells[1..7]);
        Assert.Equal("accepted", cells[8]);
        Assert.NotEqual(cells[0], second[1].Split(',')[0]);
        var file = string.Join('\n', first);
        foreach (var secret in new[] { "CHUM-0042", "514", referralId, referralId.Replace("-", ""), world.Clinician.Name, world.Ap.Name, world.Coordinator.Name })
        {
            Assert.DoesNotContain(secret, file, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_tampered_or_other_files_link_is_forbidden_and_an_expired_one_is_gone()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();
        var url = await ExportLinkAsync(world, StatsEndpoints.FiguresPath);
        var http = world.CreateHttpClient();

        var tampered = url[..^3] + (url[^3] == 'A' ? "B" : "A") + url[^2..];
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url.Replace(StatsEndpoints.FiguresPath, StatsEndpoints.AccompanimentsPath))).StatusCode);

        world.Clock.Advance(StatsLinks.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("stats.export"))));
    }

    [Fact]
    public async Task The_chart_is_a_png_served_by_the_bot_and_its_alt_text_states_the_same_numbers()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();
        await world.Teams.SayAsync(world.Coordinator, "stats", World.E1Channel);
        var image = Images(world.LastCallTo(World.E1Channel.ThreadId).Card!).Single();

        using var response = await world.CreateHttpClient().GetAsync(new Uri(image["url"]!.GetValue<string>()).PathAndQuery);
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(("image/png", true), (response.Content.Headers.ContentType?.MediaType, png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })));
        var alt = image["altText"]!.GetValue<string>();
        Assert.Contains(string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-CA"), CardTexts.Get("StatsChartMonth", "fr-CA"), "2026-11", 1, 1), alt);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-CA"), CardTexts.Get("StatsChartMonth", "fr-CA"), "2025-12", 0, 0), alt);
        world.Clock.Advance(StatsLinks.ChartLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, (await world.CreateHttpClient().GetAsync(new Uri(image["url"]!.GetValue<string>()).PathAndQuery)).StatusCode);
    }

    private static IEnumerable<JsonObject> Images(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Image" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Images(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Images(n)),
        _ => [],
    };

    /// <summary>The value of the fact with that text key's title.</summary>
    private static string? Fact(JsonNode card, string key, string locale) =>
        Facts(card).FirstOrDefault(f => f["title"]?.GetValue<string>() == CardTexts.Get(key, locale))?["value"]?.GetValue<string>();

    private static IEnumerable<JsonObject> Facts(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey("title") && o.ContainsKey("value") && o["type"] is null => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Facts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Facts(n)),
        _ => [],
    };

    /// <summary>The coordinator's figures card in their channel, and its link to that file (path and query, on the test host).</summary>
    private static async Task<string> ExportLinkAsync(World world, string path)
    {
        await world.Teams.SayAsync(world.Coordinator, "stats", World.E1Channel);
        var card = world.LastCallTo(World.E1Channel.ThreadId).Card!;
        var url = card["actions"]!.AsArray().Select(a => a!["url"]?.GetValue<string>()).Single(u => u is not null && u.Contains(path))!;
        return new Uri(url).PathAndQuery;
    }

    private static async Task<(string? ContentType, string[] Lines)> DownloadAsync(World world, string url)
    {
        using var response = await world.CreateHttpClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        return (response.Content.Headers.ContentType?.MediaType,
            Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
