using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// A post Teams showed but whose answer never reached the bot is found again through Graph before anything is posted
/// twice: exactly once as people see it, though the connector is at-least-once.
/// </summary>
public sealed class ExactlyOnceDeliveryTests
{
    [Theory]
    [InlineData(ConnectorFault.AnswerLost)]
    [InlineData(ConnectorFault.GatewayTimeoutAfterProcessing)]
    public async Task A_post_whose_answer_is_lost_is_found_again_and_not_shown_twice(ConnectorFault fault) =>
        await LostChannelPostIsFoundAgainAsync(Databases.Sqlite, fault);

    [SkippableFact]
    public async Task A_post_whose_answer_is_lost_is_found_again_and_not_shown_twice_on_PostgreSQL() =>
        await LostChannelPostIsFoundAgainAsync(Databases.Postgres, ConnectorFault.AnswerLost);

    [Fact]
    public async Task An_assignment_whose_answer_is_lost_is_found_again_in_the_APs_chat_and_not_shown_twice()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        ShowInGraph(world);
        world.Connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.AnswerLost) { OnlyIn = world.Ap.PersonalConversationId, Times = 1 };

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "c");
        await world.DeliverAllAsync();

        Assert.Equal(1, world.Connector.Faults.Injected.GetValueOrDefault(ConnectorFault.AnswerLost));
        Assert.Single(world.CallsTo(world.Ap.PersonalConversationId), c => c.Method == "POST" && CardQuery.Json(c.Card!).Contains("tel:+15145550199"));
        Assert.True(GraphStandIn.Requests(world.Database) > 0, "The bot should have looked for the card in Graph.");
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    [Fact]
    public async Task When_Graph_does_not_answer_the_card_is_looked_for_again_and_never_posted_blindly()
    {
        await using var world = await LosingOneChannelAnswerAsync(Databases.Sqlite, w => ShowInGraph(w, failFirst: 1));

        await world.SubmitReferralAsync(world.Clinician);
        await world.DeliverAllAsync();

        Assert.Single(world.CallsTo(World.E1Channel.ChannelId), ReferralCardPost);
        Assert.True(GraphStandIn.Requests(world.Database) >= 2, "The failed lookup should have been tried again.");
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    [Fact]
    public async Task Where_Graph_cannot_be_asked_a_post_whose_answer_is_lost_is_posted_again_rather_than_lost()
    {
        await using var world = await LosingOneChannelAnswerAsync(Databases.Sqlite, graph: null);

        // Graph refuses this bot (403, no consent): delivery falls back to at least once.
        await world.SubmitReferralAsync(world.Clinician);
        await world.DeliverAllAsync();

        Assert.Equal(2, world.CallsTo(World.E1Channel.ChannelId).Count(ReferralCardPost));
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    [Fact]
    public async Task A_card_posted_just_before_the_process_died_is_found_again_after_a_restart_and_not_shown_twice()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var connector = await ConnectorRecorder.StartAsync();
        connector.SetRoster(World.E1Channel.TeamId, ProcessJourney.Admin);
        GraphStandIn.Serve(database, connector, listingDelay: TimeSpan.FromSeconds(1)); // under the claim's 2 s
        var settings = new Dictionary<string, string>
        {
            ["ParoleOnco:Admins:0"] = ProcessJourney.Admin.AadObjectId,
            ["Delivery:PollInterval"] = "00:00:00.1",
            ["Delivery:ClaimFor"] = "00:00:02",
            ["Graph:BaseUrl"] = GraphStandIn.BaseUrlFor(database),
        };

        var first = await BotProcess.StartAsync(database, settings);
        var teams = new TeamsClient(new HttpClient { BaseAddress = first.Address }, connector.ServiceUrl, () => Task.CompletedTask);
        var form = await ProcessJourney.FilledReferralFormAsync(teams, connector);

        // Teams shows the card; the process dies before it hears back, so nothing remembers the post.
        connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.NeverAnswers) { OnlyIn = World.E1Channel.ChannelId, Times = 1 };
        await teams.ClickAsync(ProcessJourney.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(connector.Calls.Any(ProcessJourney.ReferralCardPosted)));
        await first.KillAsync();

        await using var second = await BotProcess.StartAsync(database, settings);
        await ProcessJourney.WaitUntilAsync(async () => (await ProcessJourney.PendingAsync(database)).Count == 0);

        var post = Assert.Single(connector.Calls, ProcessJourney.ReferralCardPosted);
        Assert.True(GraphStandIn.Requests(database) > 0, "The restarted bot should have looked for the card in Graph.");
        Assert.Contains(connector.Calls, c => c.Method == "PUT" && c.ActivityId == post.ActivityId);
    }

    [Fact]
    public async Task A_post_whose_answer_is_lost_is_not_tried_again_at_once_but_looked_for_once_Graph_lists_it()
    {
        await using var world = await LosingOneChannelAnswerAsync(Databases.Sqlite, w => ShowInGraph(w));

        await world.SubmitReferralAsync(world.Clinician);

        // Graph lists a new message seconds late: a quick retry would find nothing and post the card again.
        Assert.Single(world.CallsTo(World.E1Channel.ChannelId), ReferralCardPost);
        Assert.Equal(0, GraphStandIn.Requests(world.Database));
        Assert.Equal(1, await world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));

        await world.DeliverAllAsync();

        Assert.Single(world.CallsTo(World.E1Channel.ChannelId), ReferralCardPost);
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    [Fact]
    public async Task When_Graph_never_answers_the_card_is_posted_on_the_last_attempt_rather_than_never()
    {
        await using var world = await LosingOneChannelAnswerAsync(Databases.Sqlite, w => ShowInGraph(w, failWith: 503));

        await world.SubmitReferralAsync(world.Clinician);
        await world.DeliverAllAsync();

        Assert.Equal(2, world.CallsTo(World.E1Channel.ChannelId).Count(ReferralCardPost));
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    private static async Task LostChannelPostIsFoundAgainAsync(Func<Task<TestDatabase>> database, ConnectorFault fault)
    {
        await using var world = await LosingOneChannelAnswerAsync(database, w => ShowInGraph(w), fault);

        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.DeliverAllAsync();

        Assert.Equal(1, world.Connector.Faults!.Injected.GetValueOrDefault(fault));
        var post = Assert.Single(world.CallsTo(World.E1Channel.ChannelId), ReferralCardPost);
        Assert.True(GraphStandIn.Requests(world.Database) > 0, "The bot should have looked for the card in Graph.");

        // Found again, the message is remembered as if its answer had come: later changes update it in place.
        var key = MessageKeys.ReferralInChannel(Guid.Parse(referralId));
        var remembered = await world.QueryAsync(db => db.PostedCards.SingleAsync(p => p.Key == key));
        Assert.Equal(post.ActivityId, remembered.ActivityId);
        Assert.Equal(0, await NotDeliveredAsync(world));
    }

    /// <summary>
    /// E1's channel bound and an AP to suggest; Graph answers as <paramref name="graph"/> sets it up (no stand-in: Graph
    /// refuses the bot); the next post to the channel reaches Teams and its answer is lost as <paramref name="fault"/> says.
    /// </summary>
    private static async Task<World> LosingOneChannelAnswerAsync(
        Func<Task<TestDatabase>> database, Action<World>? graph, ConnectorFault fault = ConnectorFault.AnswerLost)
    {
        var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        graph?.Invoke(world);
        world.Connector.Faults = new ConnectorFaults(every: 1, fault) { OnlyIn = World.E1Channel.ChannelId, Times = 1 };
        return world;
    }

    private static void ShowInGraph(World world, int failFirst = 0, int? failWith = null)
    {
        world.Connector.Clock = world.Clock; // Teams dates messages on the clock the bot runs on
        GraphStandIn.Serve(world.Database, world.Connector, failFirst, failWith);
    }

    private static bool ReferralCardPost(ConnectorCall call) => call.Method == "POST" && CardQuery.Text(call.Card!).Contains("CHUM-0042");

    private static Task<int> NotDeliveredAsync(World world) =>
        world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Delivered && m.Status != OutboxStatus.Superseded));
}
