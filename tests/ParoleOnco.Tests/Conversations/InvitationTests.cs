using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// <c>invite EMAIL</c>: a coordinator invites someone who never wrote to the bot; the bot finds them in the directory,
/// installs the app for them and, once their chat exists, sends them the AP registration form in their language.
/// </summary>
public sealed class InvitationTests
{
    private const string Email = "ines.invitee@example.org";
    private static readonly TestUser Invitee = TestUser.Create("Inès Invitée", "fr-CA", 20);

    [Theory]
    [InlineData("fr-CA", "inviter", "fr-CA")]
    [InlineData("en-US", "invite", "en")]
    public async Task A_coordinator_invites_a_known_address_the_app_is_installed_and_the_invitation_reaches_them_in_their_language(
        string locale, string command, string preferredLanguage)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale);
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, preferredLanguage);

        await world.Teams.SayAsync(world.Coordinator, $"{command} {Email}", World.E1Channel);
        await world.DeliverAllAsync();

        Assert.Equal([Invitee.AadObjectId], directory.Installations);
        var invitation = Assert.Single(world.CallsTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)));
        Assert.Equal("POST", invitation.Method);
        Assert.True(CardQuery.HasVerb(invitation.Card!, CardVerbs.ApRegister));
        var text = CardQuery.Text(invitation.Card!);
        Assert.Contains(CardTexts.Get("ApRegistrationTitle", preferredLanguage), text);
        Assert.Contains(world.Coordinator.Name, text);
        Assert.Equal("E1", CardQuery.Input(invitation.Card!, "establishmentId")?["value"]?.GetValue<string>());

        // The thread in the channel: posted as the answer to the command, then updated once the invitation arrived.
        var thread = world.CallsTo(World.E1Channel.ThreadId).Where(c => CardQuery.Text(c.Card!).Contains(Email)).ToList();
        Assert.Equal(["POST", "PUT"], thread.Select(c => c.Method));
        Assert.Equal(thread[0].ActivityId, thread[1].ActivityId);
        Assert.Contains(Invitee.Name, CardQuery.Text(thread[1].Card!));
        Assert.Contains(CardTexts.Get("InvitationThread_Delivered", "fr-CA"), CardQuery.Text(thread[1].Card!));
        Assert.DoesNotContain(CardTexts.Get("InvitationThread_Delivered", "fr-CA"), CardQuery.Text(thread[0].Card!));

        var invited = await world.QueryAsync(db => db.Invitations.AsNoTracking().SingleAsync());
        Assert.Equal((Invitee.AadObjectId, world.Coordinator.AadObjectId), (invited.AadObjectId, invited.InvitedByAadObjectId));
        Assert.NotNull(invited.DeliveredAt);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "ap.invite" && e.ActorAadObjectId == world.Coordinator.AadObjectId)));
    }

    [Fact]
    public async Task The_invited_person_registers_from_the_invitation_and_the_coordinators_get_their_registration()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        GraphStandIn.Directory(world.Database).AddPerson(Invitee, Email, "fr-CA");
        await world.Teams.SayAsync(world.Coordinator, $"inviter {Email}", World.E1Channel);
        await world.DeliverAllAsync();
        var invitation = world.LastCallTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)).Card!;

        var data = CardQuery.ActionData(invitation, CardVerbs.ApRegister)!;
        data["establishmentId"] = "E1";
        data["languages"] = "fr";
        data["cancerTypes"] = "breast";
        data["ageBand"] = "45-54";
        data["modalities"] = "phone";
        data["capacity"] = "1";
        await world.Teams.ClickAsync(Invitee, CardVerbs.ApRegister, data, World.Personal, "invitation");

        Assert.True(CardQuery.HasVerb(world.LastCallTo(World.E1Channel.ChannelId).Card!, CardVerbs.ApApprove));
    }

    [Theory]
    [InlineData("fr-CA", "inviter")]
    [InlineData("en-US", "invite")]
    public async Task An_unknown_address_gets_a_clear_answer_and_nothing_is_installed(string locale, string command)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale);
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "fr-CA");

        await world.Teams.SayAsync(world.Coordinator, $"{command} nobody@example.org", World.E1Channel);
        await world.DeliverAllAsync();

        var answer = CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!);
        Assert.Contains(CardTexts.Get("InviteUnknown_Title", locale), answer);
        Assert.Contains("nobody@example.org", answer);
        Assert.Empty(directory.Installations);
        Assert.False(await world.QueryAsync(db => db.Invitations.AnyAsync()));
        Assert.False(await world.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Key.StartsWith("invitation/"))));
    }

    [Theory]
    [InlineData("fr-CA", "inviter")]
    [InlineData("en-US", "invite")]
    public async Task Someone_who_is_not_a_coordinator_cannot_invite(string locale, string command)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale);
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "fr-CA");

        await world.Teams.SayAsync(world.Clinician, $"{command} {Email}", World.E1Channel);
        await world.Teams.SayAsync(world.Coordinator, $"{command} {Email}", World.Personal);
        await world.DeliverAllAsync();

        Assert.Contains(CardTexts.Get("NotAllowed_Title", locale), CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
        Assert.Contains(CardTexts.Get("NotAllowed_Title", locale), CardQuery.Text(world.LastCallTo(world.Coordinator.PersonalConversationId).Card!));
        Assert.Empty(directory.Installations);
        Assert.Empty(world.CallsTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)));
        Assert.Equal(2, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == command && e.Outcome == "refused")));
    }

    [Fact]
    public async Task A_person_who_already_has_the_app_gets_the_invitation_in_the_chat_it_has()
    {
        await using var world = await World.StartAsync(Databases.Sqlite, "en-US");
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "en-US", installed: true);

        await world.Teams.SayAsync(world.Coordinator, $"invite {Email}", World.E1Channel);
        await world.DeliverAllAsync();

        Assert.Empty(directory.Installations); // 409: it was already installed
        var invitation = Assert.Single(world.CallsTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)));
        Assert.Contains(CardTexts.Get("ApRegistrationTitle", "en"), CardQuery.Text(invitation.Card!));
    }

    [Fact]
    public async Task With_the_catalog_id_configured_the_app_is_installed_without_reading_the_catalog()
    {
        await using var world = await World.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string> { ["Graph:TeamsAppCatalogId"] = GraphStandIn.CatalogId });
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "fr-CA");
        directory.CatalogForbidden = true;

        await world.Teams.SayAsync(world.Coordinator, $"inviter {Email}", World.E1Channel);
        await world.DeliverAllAsync();

        Assert.Equal([Invitee.AadObjectId], directory.Installations);
        Assert.Single(world.CallsTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)));
    }

    [Fact]
    public async Task The_invitation_goes_as_soon_as_Teams_tells_the_bot_the_app_was_installed()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "fr-CA");
        directory.ChatNotYetNamed = true;

        await world.Teams.SayAsync(world.Coordinator, $"inviter {Email}", World.E1Channel);
        Assert.Equal([Invitee.AadObjectId], directory.Installations);
        Assert.Empty(world.CallsTo(Invitee.PersonalConversationId));

        // Teams' installation activity, on the bot's clock before the invitation's next try.
        await world.Teams.InstallAsync(Invitee, World.Personal);

        Assert.Contains(world.CallsTo(Invitee.PersonalConversationId), c => CardQuery.HasVerb(c.Card!, CardVerbs.ApRegister));
        Assert.Contains(world.CallsTo(World.E1Channel.ThreadId), c => c.Method == "PUT" && CardQuery.Text(c.Card!).Contains(CardTexts.Get("InvitationThread_Delivered", "fr-CA")));
    }

    [Fact]
    public async Task Graph_throttling_is_waited_out_and_the_invitation_still_arrives()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(Invitee, Email, "fr-CA");
        directory.Throttle(2);

        await world.Teams.SayAsync(world.Coordinator, $"inviter {Email}", World.E1Channel);
        await world.DeliverAllAsync();

        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ThreadId), c => CardQuery.Text(c.Card!).Contains(CardTexts.Get("InviteDirectoryDown_Title", "fr-CA")));
        Assert.Equal([Invitee.AadObjectId], directory.Installations);
        Assert.Single(world.CallsTo(GraphStandIn.ChatIdOf(Invitee.AadObjectId)));
    }

    [Theory]
    [InlineData("fr-CA", "inviter")]
    [InlineData("en-US", "invite")]
    public async Task Without_Graph_invite_says_Graph_is_not_configured(string locale, string command)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale, new Dictionary<string, string> { ["Graph:BaseUrl"] = "https://graph.microsoft.com/v1.0" });
        await world.BindE1ChannelAsync();

        await world.Teams.SayAsync(world.Coordinator, $"{command} {Email}", World.E1Channel);

        Assert.Contains(CardTexts.Get("InviteNoGraph_Title", locale), CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
        Assert.False(await world.QueryAsync(db => db.Invitations.AnyAsync()));
    }

    [Theory]
    [InlineData("fr-CA", "inviter")]
    [InlineData("en-US", "invite pas une adresse")]
    public async Task Without_an_address_invite_says_how_to_type_it(string locale, string typed)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale);
        await world.BindE1ChannelAsync();

        await world.Teams.SayAsync(world.Coordinator, typed, World.E1Channel);

        Assert.Contains(CardTexts.Get("InviteUsage_Title", locale), CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
    }
}
