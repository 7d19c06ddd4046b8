using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// A card for someone the bot has no chat with is not given up: the app is installed for them, then the card goes to
/// the chat that opens. Only when it cannot be installed are the coordinators told, as before.
/// </summary>
public sealed class InstallFirstTests
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public async Task An_AP_approved_from_the_list_without_a_chat_gets_the_app_installed_then_the_news_in_their_language(string preferredLanguage)
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.RegisterApAsync(world.Ap);
        await ForgetChatAsync(world, world.Ap);
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(world.Ap, "marie@example.org", preferredLanguage);

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ApApprove, new JsonObject { ["apId"] = apId }, World.E1Channel, "approval-card");
        await world.DeliverAllAsync();

        Assert.Equal([world.Ap.AadObjectId], directory.Installations);
        var news = Assert.Single(world.CallsTo(GraphStandIn.ChatIdOf(world.Ap.AadObjectId)));
        Assert.Contains(CardTexts.Get("ApApproved_Title", preferredLanguage), CardQuery.Text(news.Card!));
        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.Text(c.Card!).Contains(CardTexts.Get("DeliveryFailed_Title", "fr-CA")));
        Assert.All(await world.QueryAsync(db => db.OutboxMessages.Where(m => m.RecipientId == world.Ap.AadObjectId).Select(m => m.Status).ToListAsync()),
            status => Assert.Equal(OutboxStatus.Delivered, status));
    }

    [Fact]
    public async Task A_clinician_named_on_a_referral_without_a_chat_gets_its_news_once_the_app_is_installed_for_them()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await ForgetChatAsync(world, world.Clinician);
        var directory = GraphStandIn.Directory(world.Database);
        directory.AddPerson(world.Clinician, "helene@example.org", "fr-CA");

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralDecline, new JsonObject { ["referralId"] = referralId, ["reason"] = "Hors critères" }, World.E1Channel, "referral-card");
        await world.DeliverAllAsync();

        // Their status card was posted before: it is updated where it is, once the bot can write to them again.
        Assert.Equal([world.Clinician.AadObjectId], directory.Installations);
        Assert.Contains(world.CallsTo(world.Clinician.PersonalConversationId), c => c.Method == "PUT" && CardQuery.Text(c.Card!).Contains("Hors critères"));
        Assert.All(await world.QueryAsync(db => db.OutboxMessages.Where(m => m.RecipientId == world.Clinician.AadObjectId).Select(m => m.Status).ToListAsync()),
            status => Assert.Equal(OutboxStatus.Delivered, status));
        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.Text(c.Card!).Contains(CardTexts.Get("DeliveryFailed_Title", "fr-CA")));
    }

    [Fact]
    public async Task When_the_app_cannot_be_installed_the_coordinators_are_told_the_card_was_not_delivered()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.RegisterApAsync(world.Ap);
        await ForgetChatAsync(world, world.Ap);

        // No consent to install apps for people (the stand-in's 403).
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ApApprove, new JsonObject { ["apId"] = apId }, World.E1Channel, "approval-card");
        await world.DeliverAllAsync();

        Assert.Empty(world.CallsTo(GraphStandIn.ChatIdOf(world.Ap.AadObjectId)));
        Assert.Contains(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.Text(c.Card!).Contains(CardTexts.Get("DeliveryFailed_Title", "fr-CA")));
    }

    /// <summary>The bot has no chat with the person any more (its row lost, a restored database): as if they never wrote.</summary>
    private static Task<int> ForgetChatAsync(World world, TestUser user) =>
        world.QueryAsync(db => db.Conversations.Where(c => c.UserAadObjectId == user.AadObjectId).ExecuteDeleteAsync());
}
