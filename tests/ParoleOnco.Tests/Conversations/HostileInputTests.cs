using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;
using ParoleOnco.Tests.Features.Forms;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// The bot as an attacker inside the tenant plays it: crafted invokes never make it fail (no 5xx) nor save half of a
/// change, and a whole journey leaves no patient data in any log line, at any level.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] Verbs = [.. typeof(CardVerbs).GetFields().Select(f => (string)f.GetValue(null)!), "", "referral.submit ", "REFERRAL.SUBMIT"];

    private static readonly string[] Keys =
        [.. typeof(CardActionData).GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name), "verb", "__proto__"];

    [Fact]
    public async Task Crafted_invokes_never_fail_the_bot_and_leave_nothing_half_saved()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        TestUser[] users = [world.Admin, world.Coordinator, world.Clinician, world.Ap, world.OtherClinician];
        Where[] places = [World.Personal, World.E1Channel];

        var value = Gen.OneOf(
            HostileFormInputTests.Input.Select(s => s is null ? null : (JsonNode)JsonValue.Create(s)),
            HostileFormInputTests.Pick(referralId, apId, Guid.Empty.ToString(), "E1").Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Int[0, 3].Select(n => (JsonNode?)new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode?)JsonValue.Create(i))])),
            Gen.Const(0).Select(_ => (JsonNode?)new JsonObject { ["nested"] = "x" }));
        var data = Gen.Select(HostileFormInputTests.Pick(Keys), value).Array[0, 12].Select(pairs =>
        {
            var json = new JsonObject();
            foreach (var (key, each) in pairs)
            {
                json[key] = each;
            }

            return json;
        });
        var invoke = Gen.Select(HostileFormInputTests.Pick(Verbs), HostileFormInputTests.Pick(users), HostileFormInputTests.Pick(places), data);

        await invoke.SampleAsync(async x =>
        {
            var (verb, user, place, payload) = x;
            using var response = await world.Teams.SendInvokeAsync(user, verb, payload, place, "crafted");
            Assert.True((int)response.StatusCode < 500, $"{verb} by {user.Name} answered {(int)response.StatusCode}.");
        }, iter: 150, threads: 1);
        await world.SettleAsync();

        // Each change is saved whole, with its audit row, or not at all.
        Assert.Equal(await CountAsync(world, "referral.submit"), await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.Equal(await CountAsync(world, "ap.register"), await world.QueryAsync(db => db.AccompanyingPatients.CountAsync()));
        Assert.Equal(await CountAsync(world, "logbook.submit"), await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
        Assert.Equal(await CountAsync(world, "referral.approve"), await world.QueryAsync(db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task A_whole_journey_leaves_no_patient_data_in_any_log_line()
    {
        var logs = new CapturedLogs();
        await using var world = await World.StartAsync(Databases.Sqlite, logs: logs);
        var referralId = await world.AcceptedReferralAsync();
        var form = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookOpen, new JsonObject { ["referralId"] = referralId }, World.Personal, "list");
        var entry = CardQuery.ActionData(form, CardVerbs.LogbookSubmit)!.DeepClone().AsObject();
        (entry["contactDate"], entry["durationMinutes"], entry["modality"], entry["supportTypes"]) = ("2026-11-26", "30", "phone", "emotional");
        (entry["summary"], entry["needsClinicalAttention"], entry["attentionReason"], entry["shareWithCareTeam"]) =
            ("Résumé confidentiel Gaspésie", "true", "Douleur thoracique confidentielle", "true");
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, entry, World.Personal, "logbook-form");
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, World.E1Channel, "c");
        await world.Teams.SayAsync(world.Clinician, "dossier CHUM-0042", World.Personal);
        world.Connector.Faults = new ConnectorFaults(every: 2, ConnectorFault.Unavailable, ConnectorFault.Blocked);
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose, new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed" }, World.Personal, "list");
        await world.DeliverAllAsync();

        Assert.True(logs.Lines.Count > 100, $"Only {logs.Lines.Count} log lines were captured: the scan would prove nothing.");
        string[] secrets = ["5145550199", "514 555-0199", "555-0199", "CHUM-0042", "Préfère les appels", "Résumé confidentiel", "Douleur thoracique"];
        foreach (var line in logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A log line carries patient data ({secret}): {line}");
            }
        }
    }

    private static Task<int> CountAsync(World world, string action) =>
        world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Outcome == "done"));
}
