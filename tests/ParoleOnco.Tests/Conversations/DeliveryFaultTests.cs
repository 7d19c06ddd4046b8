using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Every proactive card arrives exactly once as people see it, whatever the connector does on the way.</summary>
public sealed class DeliveryFaultTests
{
    [Fact]
    public async Task Every_card_arrives_exactly_once_through_throttling_outages_slowness_dropped_connections_and_lost_answers()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        world.Connector.Clock = world.Clock;
        GraphStandIn.Serve(world.Database, world.Connector);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var forms = new List<(Harness.TestUser Clinician, JsonObject Form)>();
        foreach (var clinician in new[] { world.Clinician, world.OtherClinician, world.Clinician, world.OtherClinician, world.Clinician, world.OtherClinician })
        {
            var form = await world.ReferralFormAsync(clinician);
            form["patientCode"] = Codes[forms.Count];
            forms.Add((clinician, form));
        }

        // From here on, everything the bot sends is proactive: through the outbox, into the faults.
        ConnectorFault[] kinds =
        [
            ConnectorFault.Throttled, ConnectorFault.Unavailable, ConnectorFault.Slow, ConnectorFault.Dropped,
            ConnectorFault.AnswerLost, ConnectorFault.GatewayTimeoutAfterProcessing,
        ];
        var faults = new ConnectorFaults(every: 2, kinds);
        world.Connector.Faults = faults;
        var referralIds = new List<string>();
        foreach (var (clinician, form) in forms)
        {
            referralIds.Add(await world.SubmitReferralAsync(clinician, form));
        }

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralIds[0], ["apId"] = apId }, World.E1Channel, "c");
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralIds[0] }, World.Personal, "offer");
        await world.DeliverAllAsync(); // posts whose answers were lost are looked for once Graph lists them

        Assert.True(faults.Injected.Count == kinds.Length, $"Every kind of fault must have been injected: {string.Join(", ", faults.Injected)} in {faults.Requests} requests.");
        var channelPosts = world.CallsTo(World.E1Channel.ChannelId).Where(c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains("CODE-"));
        // What people see: each referral card once in the channel, whatever the connector answered the bot.
        Assert.Equal(Codes, channelPosts.Select(c => PatientCode(c.Card!)).Order());
        Assert.Single(world.CallsTo(world.Ap.PersonalConversationId), c => c.Method == "POST" && CardQuery.Json(c.Card!).Contains("tel:+15145550199"));
        Assert.Equal(0, await world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Delivered && m.Status != OutboxStatus.Superseded)));
    }

    [Fact]
    public async Task A_message_Teams_refuses_for_good_is_not_retried_and_the_coordinators_are_told()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        var faults = new ConnectorFaults(every: 1, ConnectorFault.Blocked) { OnlyIn = world.Clinician.PersonalConversationId };
        world.Connector.Faults = faults;

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "c");

        Assert.Equal(1, faults.Requests);
        var failed = await world.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Status == OutboxStatus.Failed));
        Assert.StartsWith("403", failed.LastError);
        var number = "R-" + Guid.Parse(referralId).ToString("N")[..6].ToUpperInvariant();
        var notice = CardTexts.Get("DeliveryFailed_Title", "fr-CA");
        Assert.Contains(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains(notice) && CardQuery.Text(c.Card!).Contains(number));
    }

    [Fact]
    public async Task When_the_coordinators_channel_refuses_for_good_the_clinician_whose_referral_waits_is_told()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        world.Connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Forbidden) { OnlyIn = World.E1Channel.ChannelId };

        var form = await world.ReferralFormAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        await world.DeliverAllAsync();

        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        var notice = CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!);
        Assert.Contains(CardTexts.Get("CoordinatorsUnreachable_Title", "fr-CA"), notice);
        Assert.Contains("R-" + referral.Id.ToString("N")[..6].ToUpperInvariant(), notice);
    }

    private static readonly string[] Codes = ["CODE-1", "CODE-2", "CODE-3", "CODE-4", "CODE-5", "CODE-6"];

    private static string PatientCode(JsonNode card) => Codes.Single(code => CardQuery.Text(card).Contains(code));
}
