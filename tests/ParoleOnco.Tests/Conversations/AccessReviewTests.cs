using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// The access review a privacy officer runs: who accessed a patient code's data (<c>audit CODE</c>, admins only, in
/// their 1:1 chat), and the whole log of a period as a CSV file behind a signed, expiring link.
/// </summary>
public sealed class AccessReviewTests
{
    [Fact]
    public async Task An_admin_reads_who_accessed_a_patient_code_including_refused_attempts_and_that_reading_is_audited()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        var referralId = await world.AcceptedReferralAsync();
        await world.Teams.ClickAsync(world.OtherClinician, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, World.E1Channel, "c");

        await world.Teams.SayAsync(world.Admin, "audit chum-0042", World.Personal);

        var log = CardQuery.Text(world.LastCallTo(world.Admin.PersonalConversationId).Card!);
        Assert.Contains(CardTexts.Get("AccessLogTitle", "fr-CA"), log);
        Assert.Contains("CHUM-0042", log);
        foreach (var who in new[] { world.Clinician.Name, world.Coordinator.Name, world.Ap.Name, world.OtherClinician.AadObjectId })
        {
            Assert.Contains(who, log);
        }

        Assert.Contains("referral.phone", log);
        Assert.Contains("notCoordinator", log);
        var reads = await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.read" && e.ActorAadObjectId == world.Admin.AadObjectId));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Anyone_but_an_admin_in_their_chat_is_refused_without_learning_whether_the_code_exists()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();

        await world.Teams.SayAsync(world.Coordinator, "audit CHUM-0042", World.Personal);
        var known = CardQuery.Json(world.LastCallTo(world.Coordinator.PersonalConversationId).Card!);
        await world.Teams.SayAsync(world.Coordinator, "audit NONE-0001", World.Personal);
        var unknown = CardQuery.Json(world.LastCallTo(world.Coordinator.PersonalConversationId).Card!);
        await world.Teams.SayAsync(world.Admin, "audit CHUM-0042", World.E1Channel);

        Assert.Equal(known, unknown);
        Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(world.LastCallTo(world.Coordinator.PersonalConversationId).Card!));
        Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.read")));
    }

    [Fact]
    public async Task The_export_link_serves_the_period_as_csv_with_a_byte_order_mark_and_each_download_is_audited()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.AcceptedReferralAsync();
        var url = await ExportLinkAsync(world, "2026-11-01", "2026-11-30");

        using var response = await world.CreateHttpClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(',', AccessLog.Columns), lines[0]);
        var rows = await world.QueryAsync(db => db.AuditEntries.CountAsync()); // the journey's, and the download's own
        Assert.Equal(rows, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",referral.submit,") && l.Contains($",{world.Clinician.AadObjectId},") && l.Contains(",personal,done,"));
        var download = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "audit.export"));
        Assert.Equal((world.Admin.AadObjectId, AuditPlaces.Download, "audit:2026-11-01..2026-11-30"), (download.ActorAadObjectId, download.Place, download.Subject));
    }

    [Fact]
    public async Task A_tampered_link_is_forbidden_and_an_expired_one_is_gone()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        var url = await ExportLinkAsync(world, "2026-11-01", "2026-11-30");
        var http = world.CreateHttpClient();

        var tampered = url[..^3] + (url[^3] == 'A' ? "B" : "A") + url[^2..];
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(AuditExportEndpoint.Path)).StatusCode);

        world.Clock.Advance(AuditExportLinks.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.export")));
    }

    [Fact]
    public async Task A_period_the_bot_cannot_export_comes_back_with_the_dates_kept_and_why()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        var card = await world.Teams.ClickAsync(world.Admin, CardVerbs.AuditExport, new JsonObject { ["from"] = "2026-11-30", ["to"] = "2026-11-01" }, World.Personal, "export");

        Assert.Equal("2026-11-30", CardQuery.Input(card, "from")!["value"]!.GetValue<string>());
        Assert.Equal("2026-11-01", CardQuery.Input(card, "to")!["value"]!.GetValue<string>());
        Assert.Contains(CardTexts.Get("AuditExportRange", "fr-CA"), CardQuery.Text(card));
    }

    /// <summary>The admin asks for the export of a period and follows the card's link (path and query, on the test host).</summary>
    private static async Task<string> ExportLinkAsync(World world, string from, string to)
    {
        await world.Teams.SayAsync(world.Admin, "audit", World.Personal);
        var card = await world.Teams.ClickAsync(world.Admin, CardVerbs.AuditExport, new JsonObject { ["from"] = from, ["to"] = to }, World.Personal, "export");
        var url = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        return new Uri(url).PathAndQuery;
    }
}
