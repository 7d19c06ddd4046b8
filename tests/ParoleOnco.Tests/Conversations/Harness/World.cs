using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// One test's world: the bot on a fresh database, a recording connector, a coordinators' team for E1,
/// and the people of the program, each with the language of their Teams client.
/// </summary>
public sealed class World : IAsyncDisposable
{
    public static readonly Where.Channel E1Channel = new("19:team-e1@thread.tacv2", "19:coordination-e1@thread.tacv2");
    public static readonly Where Personal = new Where.Personal();

    private BotApp bot = null!;
    private IReadOnlyDictionary<string, string>? settings;

    /// <summary>The program's clock starts here in every test, so no test depends on the day it runs.</summary>
    private static readonly DateTimeOffset FixedStart = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private readonly CapturedLogs? logs;

    private World(TestDatabase database, ConnectorRecorder connector, string locale, DateTimeOffset clockStart, CapturedLogs? logs = null)
    {
        this.logs = logs;
        Database = database;
        Clock = new FakeTimeProvider(clockStart);
        Connector = connector;
        var other = locale.StartsWith("fr") ? "en-US" : "fr-CA";
        Admin = TestUser.Create("Anne Admin", locale, 1);
        Coordinator = TestUser.Create("Claire Coordination", locale, 2);
        SecondCoordinator = TestUser.Create("Carl Coordination", other, 3);
        Clinician = TestUser.Create("Dre Hélène Oncologue", locale, 4);
        OtherClinician = TestUser.Create("Dr Ben Nurse", other, 5);
        Ap = TestUser.Create("Marie Accompagnatrice", locale, 6);
        SecondAp = TestUser.Create("Paula Peer", other, 7);
        connector.SetRoster(E1Channel.TeamId, Admin, Coordinator, SecondCoordinator);
    }

    public TestDatabase Database { get; }
    public ConnectorRecorder Connector { get; }
    public FakeTimeProvider Clock { get; }
    public TeamsClient Teams { get; private set; } = null!;

    public TestUser Admin { get; }
    public TestUser Coordinator { get; }
    public TestUser SecondCoordinator { get; }
    public TestUser Clinician { get; }
    public TestUser OtherClinician { get; }
    public TestUser Ap { get; }
    public TestUser SecondAp { get; }

    /// <param name="settings">Configuration the bot starts with, over the harness's own.</param>
    /// <param name="logs">Where every log line goes too, at every level.</param>
    public static async Task<World> StartAsync(
        Func<Task<TestDatabase>> database, string locale = "fr-CA", IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null)
    {
        var world = new World(await database(), await ConnectorRecorder.StartAsync(), locale, FixedStart, logs) { settings = settings };
        world.StartBot();
        return world;
    }

    /// <summary>
    /// A world whose clock starts now, for tests that hand its database to bot processes (<see cref="BotProcess"/>):
    /// they run on the real clock, and what the world scheduled must come due for both at the same moment.
    /// </summary>
    public static async Task<World> StartOnTheRealClockAsync(Func<Task<TestDatabase>> database)
    {
        var world = new World(await database(), await ConnectorRecorder.StartAsync(), "fr-CA", TimeProvider.System.GetUtcNow());
        world.StartBot();
        return world;
    }

    /// <summary>Stops the in-process bot, leaving its database and connector to bot processes the test starts.</summary>
    public async Task StopBotAsync() => await bot.DisposeAsync();

    /// <summary>Stops the bot process and starts a new one on the same database, as a deployment or crash would.</summary>
    public async Task RestartBotAsync()
    {
        await bot.DisposeAsync();
        StartBot();
    }

    private void StartBot()
    {
        bot = new BotApp(Database, Clock, [Admin.AadObjectId], settings: settings, logs: logs);
        Teams = new TeamsClient(bot.CreateClient(), Connector.ServiceUrl, SettleAsync);
    }

    /// <summary>Waits until the outbox has delivered everything that is due.</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var now = Clock.GetUtcNow();
        while (await QueryAsync(async db =>
            await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            || await db.Reminders.AnyAsync(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox still holds due messages after 30 s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Moves the program's clock on, and waits for what came due to be done and delivered.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await SettleAsync();
    }

    public Task AdvanceToAsync(DateTimeOffset when) => AdvanceAsync(when - Clock.GetUtcNow());

    /// <summary>Lets the clock run a minute at a time until the outbox holds nothing more (retries and lookups included).</summary>
    public async Task DeliverAllAsync()
    {
        for (var minute = 0; minute < 60; minute++)
        {
            if (!await QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending)))
            {
                return;
            }

            await AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException("The outbox still holds messages after an hour of the bot's time.");
    }

    /// <summary>Waits (a few seconds at most) for what the bot does in the background to show.</summary>
    public async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("The expected cards never arrived.");
            }

            await SettleAsync();
            await Task.Delay(50);
        }
    }

    /// <summary>A referral the AP accepted, as the whole journey leaves it; returns its id.</summary>
    public async Task<string> AcceptedReferralAsync(int capacity = 2)
    {
        await BindE1ChannelAsync();
        var apId = await ApprovedApAsync(Ap, capacity: capacity);
        var referralId = await SubmitReferralAsync(Clinician);
        await Teams.ClickAsync(Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, E1Channel, "referral-card");
        var offer = CallsTo(Ap.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.AssignmentAccept));
        await Teams.ClickAsync(Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, Personal, offer.ActivityId!);
        return referralId;
    }

    /// <summary>Reads the bot's database as it is now.</summary>
    public async Task<T> QueryAsync<T>(Func<ParoleOncoDbContext, Task<T>> query)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>());
    }

    public HttpClient CreateHttpClient() => bot.CreateClient();

    /// <summary>Cards the bot posted or updated in a conversation since the last <see cref="ConnectorRecorder.Clear"/>.</summary>
    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) =>
        [.. Connector.Calls.Where(c => c.ConversationId == conversationId && c.Method != "GET")];

    public ConnectorCall LastCallTo(string conversationId) =>
        CallsTo(conversationId).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"The bot sent nothing to {conversationId}.");

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Database.DisposeAsync();
    }

    // The steps below are the journey's preconditions, played as people would.

    public async Task BindE1ChannelAsync()
    {
        await Teams.SayAsync(Admin, "setup", E1Channel);
        await Teams.ClickAsync(Admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, E1Channel, "setup-card");
    }

    public async Task<string> RegisterApAsync(TestUser ap, string cancerTypes = "breast", string languages = "fr", string ageBand = "45-54", int capacity = 2)
    {
        await Teams.SayAsync(ap, "join", Personal);
        var form = LastCallTo(ap.PersonalConversationId).Card!;
        var data = CardQuery.ActionData(form, CardVerbs.ApRegister)!;
        data["establishmentId"] = "E1";
        data["languages"] = languages;
        data["cancerTypes"] = cancerTypes;
        data["ageBand"] = ageBand;
        data["modalities"] = "phone,video";
        data["capacity"] = capacity.ToString();
        await Teams.ClickAsync(ap, CardVerbs.ApRegister, data, Personal, "join-form");
        var approval = LastCallTo(E1Channel.ChannelId).Card!;
        return CardQuery.ActionData(approval, CardVerbs.ApApprove)!["apId"]!.GetValue<string>();
    }

    public async Task<string> ApprovedApAsync(TestUser ap, string cancerTypes = "breast", string languages = "fr", string ageBand = "45-54", int capacity = 2)
    {
        var apId = await RegisterApAsync(ap, cancerTypes, languages, ageBand, capacity);
        await Teams.ClickAsync(Coordinator, CardVerbs.ApApprove, new JsonObject { ["apId"] = apId }, E1Channel, "approval-card");
        return apId;
    }

    /// <summary>Opens the referral form and fills it as a clinician would; the test may change any field before submitting.</summary>
    public async Task<JsonObject> ReferralFormAsync(TestUser clinician)
    {
        await Teams.SayAsync(clinician, "refer", Personal);
        // The form, not whatever the outbox delivered to the clinician's chat just after it on a busy machine.
        var form = CallsTo(clinician.PersonalConversationId).Last(c => c.Card is { } card && CardQuery.HasVerb(card, CardVerbs.ReferralSubmit)).Card!;
        return Fill(CardQuery.ActionData(form, CardVerbs.ReferralSubmit)!);
    }

    /// <summary>A referral form's data, filled in as a clinician would: patient CHUM-0042 at E1, phone 514 555-0199.</summary>
    public static JsonObject Fill(JsonObject data)
    {
        data["patientCode"] = "CHUM-0042";
        data["consent"] = "true";
        data["establishmentId"] = "E1";
        data["cancerType"] = "breast";
        data["ageBand"] = "45-54";
        data["language"] = "fr";
        data["modality"] = "phone";
        data["needs"] = "emotional,navigational";
        data["phone"] = "514 555-0199";
        data["note"] = "Préfère les appels en après-midi.";
        return data;
    }

    /// <summary>Submits a referral; returns its id, read from the card the coordinators got.</summary>
    public async Task<string> SubmitReferralAsync(TestUser clinician, JsonObject? form = null)
    {
        form ??= await ReferralFormAsync(clinician);
        await Teams.ClickAsync(clinician, CardVerbs.ReferralSubmit, form, Personal, "referral-form");
        var channelCard = LastCallTo(E1Channel.ChannelId).Card!;
        return CardQuery.ActionData(channelCard, CardVerbs.ReferralApprove)?["referralId"]?.GetValue<string>()
            ?? CardQuery.ActionData(channelCard, CardVerbs.ReferralDecline)!["referralId"]!.GetValue<string>();
    }
}
