using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Help;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Features.Conversations;

public sealed class TurnRouterTests : IAsyncLifetime
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private TestDatabase database = null!;
    private SqliteParoleOncoDbContext db = null!;

    // The help command asks who the caller is, so it needs a database; an empty one makes everybody a clinician.
    public async Task InitializeAsync()
    {
        database = await TestDatabase.MigratedSqliteAsync();
        db = database.SqliteContext();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await database.DisposeAsync();
    }

    private HelpCommand Help() =>
        new(new Roles(Options.Create(new EstablishmentOptions()), new NobodyInTeams(), db));

    private TurnRouter Router(IEnumerable<IVerbHandler>? verbs = null, IEnumerable<ICommandHandler>? commands = null) =>
        new(Routes(verbs, commands), new ServiceCollection().BuildServiceProvider());

    // The bot's table builds handlers from a turn's services; these are built already.
    private RouteTable Routes(IEnumerable<IVerbHandler>? verbs = null, IEnumerable<ICommandHandler>? commands = null)
    {
        var help = Help();
        return new(
            (verbs ?? []).Select(v => (v.Verb, Built<IVerbHandler>(v))),
            (commands ?? []).SelectMany(c => c.Words.Select(w => (w, Built<ICommandHandler>(c)))),
            _ => help);
    }

    private static Route<T> Built<T>(T handler)
        where T : class => new(handler.GetType().Name, _ => handler);

    private static TurnRequest Typed(string? text, CultureInfo? culture = null) => new(
        new Caller("clinician-aad", "Dre Gagnon", culture ?? French),
        new Place(PlaceKind.Personal, "personal-conversation", TeamId: null, ChannelId: null),
        new CardActionData(),
        text);

    private static string HelpForClinicians(CultureInfo culture) => HelpCards.ForAudience(Audience.Clinician, culture).ToJson();

    [Fact]
    public async Task A_caller_Teams_did_not_identify_gets_the_help_card_for_nobody_and_reaches_no_handler()
    {
        var submit = new FakeVerb(CardVerbs.ReferralSubmit);
        var refer = new FakeCommand("refer");
        var router = Router(verbs: [submit], commands: [refer]);
        var stranger = Typed("refer") with { Caller = Caller.Unidentified("Invité", French) };

        var typed = await router.CommandAsync(stranger, default);
        var clicked = await router.ExecuteAsync(CardVerbs.ReferralSubmit, stranger, default);

        var help = HelpCards.ForAudience(Audience.Unidentified, French).ToJson();
        Assert.Equal(help, typed.Reply.ToJson());
        Assert.Equal(help, clicked.Reply.ToJson());
        Assert.Empty(typed.Deliveries);
        Assert.Empty(clicked.Deliveries);
        Assert.Equal((0, 0), (submit.Calls, refer.Calls));
    }

    [Fact]
    public void Telemetry_names_a_turn_by_its_registered_verb_or_command_handler_never_by_what_was_typed()
    {
        var refer = new Route<ICommandHandler>("ReferCommand", _ => new FakeCommand("refer"));
        var routes = new RouteTable(
            [(CardVerbs.ReferralSubmit, Built<IVerbHandler>(new FakeVerb(CardVerbs.ReferralSubmit)))],
            [("refer", refer), ("référer", refer)],
            _ => Help());

        Assert.Equal("refer", routes.CommandName("RÉFÉRER"));
        Assert.Equal("help", routes.CommandName("CHUM-0042"));
        Assert.Equal(CardVerbs.ReferralSubmit, routes.VerbName(CardVerbs.ReferralSubmit));
        Assert.Equal("unknown", routes.VerbName("514 555-0199"));
        Assert.Equal("unknown", routes.VerbName(null));
    }

    [Fact]
    public async Task A_card_action_goes_to_the_handler_of_its_verb()
    {
        var submit = new FakeVerb(CardVerbs.ReferralSubmit);
        var approve = new FakeVerb(CardVerbs.ReferralApprove);

        var result = await Router(verbs: [submit, approve]).ExecuteAsync(CardVerbs.ReferralApprove, Typed(null), default);

        Assert.Same(approve.Reply, result.Reply);
        Assert.Equal(0, submit.Calls);
    }

    [Fact]
    public async Task The_handler_gets_the_request_as_it_came()
    {
        var verb = new FakeVerb(CardVerbs.ReferralSubmit);
        var request = Typed(null) with { Data = new CardActionData { ReferralId = "r-1" } };

        await Router(verbs: [verb]).ExecuteAsync(CardVerbs.ReferralSubmit, request, default);

        Assert.Same(request, verb.LastRequest);
    }

    [Fact]
    public async Task A_turn_builds_the_handler_of_its_verb_and_no_other()
    {
        var services = new ServiceCollection().AddSingleton<Constructions>();
        services.AddScoped<IVerbHandler>(sp => sp.GetRequiredService<SubmitVerb>()).AddScoped<SubmitVerb>();
        services.AddScoped<IVerbHandler>(sp => sp.GetRequiredService<ApproveVerb>()).AddScoped<ApproveVerb>();
        await using var provider = services.BuildServiceProvider();
        var routes = RouteTable.Read(provider.GetRequiredService<IServiceScopeFactory>());
        var built = provider.GetRequiredService<Constructions>();
        built.Names.Clear(); // reading the table built each handler once

        await using var turn = provider.CreateAsyncScope();
        await new TurnRouter(routes, turn.ServiceProvider).ExecuteAsync(CardVerbs.ReferralApprove, Typed(null), default);

        Assert.Equal([nameof(ApproveVerb)], built.Names);
    }

    [Fact]
    public void A_handler_not_registered_as_itself_stops_the_route_table_from_being_built()
    {
        var services = new ServiceCollection().AddSingleton<Constructions>();
        services.AddScoped<IVerbHandler, SubmitVerb>();
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<InvalidOperationException>(() => RouteTable.Read(provider.GetRequiredService<IServiceScopeFactory>()));

        Assert.Contains(nameof(SubmitVerb), refused.Message);
    }

    [Theory]
    [InlineData("referral.unknown")]
    [InlineData("Referral.Submit")]
    [InlineData("")]
    public async Task An_unknown_verb_shows_the_unknown_command_card_with_what_was_sent(string verb)
    {
        var known = new FakeVerb(CardVerbs.ReferralSubmit);

        var result = await Router(verbs: [known]).ExecuteAsync(verb, Typed(null, English), default);

        Assert.Equal(NoticeCards.UnknownCommand(verb, English).ToJson(), result.Reply.ToJson());
        Assert.Empty(result.Deliveries);
        Assert.Equal(0, known.Calls);
    }

    [Fact]
    public async Task An_action_without_a_verb_shows_the_unknown_command_card()
    {
        var result = await Router().ExecuteAsync(null, Typed(null, French), default);

        Assert.Equal(NoticeCards.UnknownCommand("", French).ToJson(), result.Reply.ToJson());
    }

    [Fact]
    public void Two_handlers_claiming_one_verb_stop_the_route_table_from_being_built()
    {
        var refused = Assert.Throws<InvalidOperationException>(
            () => Routes(verbs: [new FakeVerb(CardVerbs.ApPause), new OtherFakeVerb(CardVerbs.ApPause)]));

        Assert.Contains($"'{CardVerbs.ApPause}'", refused.Message);
        Assert.Contains(nameof(FakeVerb), refused.Message);
        Assert.Contains(nameof(OtherFakeVerb), refused.Message);
    }

    [Fact]
    public void Verbs_differing_only_in_case_are_different_verbs()
    {
        var routes = Routes(verbs: [new FakeVerb("ap.pause"), new FakeVerb("AP.PAUSE")]);

        Assert.Equal(2, routes.Verbs.Count);
    }

    [Fact]
    public void The_route_table_lists_the_verbs_it_handles()
    {
        var routes = Routes(verbs: [new FakeVerb(CardVerbs.ApPause), new FakeVerb(CardVerbs.ApResume)]);

        Assert.Equal([CardVerbs.ApPause, CardVerbs.ApResume], routes.Verbs.Order());
    }

    [Theory]
    [InlineData("refer")]
    [InlineData("REFER")]
    [InlineData("Référer")]
    [InlineData("RÉFÉRER")]
    [InlineData("referer")]
    public async Task A_command_word_is_recognised_in_either_language_and_any_case(string text)
    {
        var refer = new FakeCommand("refer", "référer", "referer");

        var result = await Router(commands: [refer, new FakeCommand("queue", "file")]).CommandAsync(Typed(text), default);

        Assert.Same(refer.Reply, result.Reply);
    }

    [Theory]
    [InlineData("queue please")]
    [InlineData("   file   ")]
    [InlineData("Queue referrals of E1")]
    public async Task Only_the_first_word_names_the_command(string text)
    {
        var queue = new FakeCommand("queue", "file");

        var result = await Router(commands: [new FakeCommand("refer"), queue]).CommandAsync(Typed(text), default);

        Assert.Same(queue.Reply, result.Reply);
    }

    [Fact]
    public async Task The_handler_gets_the_typed_request()
    {
        var queue = new FakeCommand("queue");
        var request = Typed("queue E1");

        await Router(commands: [queue]).CommandAsync(request, default);

        Assert.Same(request, queue.LastRequest);
    }

    [Theory]
    [InlineData("bonjour")]
    [InlineData("refer-me")]
    [InlineData("queuefile")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Anything_else_typed_gets_the_help_card_for_the_caller_s_role(string? text)
    {
        var refer = new FakeCommand("refer");

        var result = await Router(commands: [refer]).CommandAsync(Typed(text, French), default);

        Assert.Equal(HelpForClinicians(French), result.Reply.ToJson());
        Assert.Equal(0, refer.Calls);
    }

    [Fact]
    public async Task The_help_card_is_in_the_caller_s_language()
    {
        var result = await Router().CommandAsync(Typed("hello", English), default);

        Assert.Equal(HelpForClinicians(English), result.Reply.ToJson());
        Assert.NotEqual(HelpForClinicians(French), result.Reply.ToJson());
    }

    [Fact]
    public void Two_handlers_claiming_one_command_word_stop_the_route_table_from_being_built()
    {
        var refused = Assert.Throws<InvalidOperationException>(
            () => Routes(commands: [new FakeCommand("queue", "file"), new OtherFakeCommand("file")]));

        Assert.Contains("'file'", refused.Message);
        Assert.Contains(nameof(OtherFakeCommand), refused.Message);
    }

    [Theory]
    [InlineData("queue", "QUEUE")]
    [InlineData("référer", "RÉFÉRER")]
    public void Command_words_differing_only_in_case_are_the_same_word(string word, string sameWord)
    {
        Assert.Throws<InvalidOperationException>(() => Routes(commands: [new FakeCommand(word), new OtherFakeCommand(sameWord)]));
    }

    [Fact]
    public void One_handler_listing_a_word_twice_is_also_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Routes(commands: [new FakeCommand("queue", "Queue")]));
    }

    private sealed class Constructions
    {
        public List<string> Names { get; } = [];
    }

    private sealed class SubmitVerb : FakeVerb
    {
        public SubmitVerb(Constructions built)
            : base(CardVerbs.ReferralSubmit) => built.Names.Add(nameof(SubmitVerb));
    }

    private sealed class ApproveVerb : FakeVerb
    {
        public ApproveVerb(Constructions built)
            : base(CardVerbs.ReferralApprove) => built.Names.Add(nameof(ApproveVerb));
    }

    private sealed class NobodyInTeams : ICoordinatorRoster
    {
        public Task<IReadOnlyList<TeamMember>> MembersAsync(CoordinatorChannel channel, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TeamMember>>([]);
    }

    private class FakeVerb(string verb) : IVerbHandler
    {
        public AdaptiveCard Reply { get; } = new();

        public int Calls { get; private set; }

        public TurnRequest? LastRequest { get; private set; }

        public string Verb => verb;

        public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            LastRequest = request;
            return Task.FromResult(TurnResult.Show(Reply));
        }
    }

    private sealed class OtherFakeVerb(string verb) : FakeVerb(verb);

    private class FakeCommand(params string[] words) : ICommandHandler
    {
        public AdaptiveCard Reply { get; } = new();

        public int Calls { get; private set; }

        public TurnRequest? LastRequest { get; private set; }

        public IReadOnlyList<string> Words => words;

        public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            LastRequest = request;
            return Task.FromResult(TurnResult.Show(Reply));
        }
    }

    private sealed class OtherFakeCommand(params string[] words) : FakeCommand(words);
}
