using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>With <c>MicrosoftAppTenantId</c> set, the bot serves its tenant alone, in local anonymous mode too.</summary>
public abstract class TenantTests(Func<Task<TestDatabase>> database)
{
    private const string AnotherTenant = "11111111-2222-3333-4444-555555555555";

    [SkippableFact]
    public async Task A_message_from_another_tenant_gets_no_answer_and_leaves_nothing_behind()
    {
        await using var world = await OwnTenantWorldAsync();
        var stranger = world.Clinician with { TenantId = AnotherTenant };

        await world.Teams.SayAsync(stranger, "refer", World.Personal);

        Assert.Empty(world.CallsTo(stranger.PersonalConversationId));
        Assert.Equal(0, await world.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [SkippableFact]
    public async Task A_click_from_another_tenant_is_refused_with_403_and_saves_nothing()
    {
        await using var world = await OwnTenantWorldAsync();
        await world.BindE1ChannelAsync();
        var form = World.Fill(new JsonObject { ["formId"] = "form-of-a-stranger" });
        var conversationsBefore = await world.QueryAsync(db => db.Conversations.CountAsync());

        var referral = await world.Teams.SendInvokeAsync(world.Clinician with { TenantId = AnotherTenant }, CardVerbs.ReferralSubmit, form, World.Personal, "form");
        var registration = await world.Teams.SendInvokeAsync(world.Ap with { TenantId = AnotherTenant }, CardVerbs.ApRegister,
            new JsonObject { ["formId"] = "join", ["establishmentId"] = "E1", ["languages"] = "fr", ["cancerTypes"] = "breast", ["ageBand"] = "45-54", ["modalities"] = "phone", ["capacity"] = "2" },
            World.Personal, "join-form");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (referral.StatusCode, registration.StatusCode));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.AccompanyingPatients.CountAsync()));
        Assert.Equal(conversationsBefore, await world.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [SkippableFact]
    public async Task A_channel_message_from_another_tenant_binds_nothing_and_is_not_answered()
    {
        await using var world = await OwnTenantWorldAsync();

        await world.Teams.SayAsync(world.Admin with { TenantId = AnotherTenant }, "setup", World.E1Channel);

        Assert.Empty(world.CallsTo(World.E1Channel.ThreadId));
        Assert.Empty(world.CallsTo(World.E1Channel.ChannelId));
        Assert.Equal(0, await world.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [SkippableFact]
    public async Task An_activity_naming_no_tenant_at_all_is_refused()
    {
        await using var world = await OwnTenantWorldAsync();

        await world.Teams.SayAsync(world.Clinician with { TenantId = "" }, "refer", World.Personal);
        var click = await world.Teams.SendInvokeAsync(world.Clinician with { TenantId = "" }, CardVerbs.ReferralSubmit, World.Fill(new JsonObject { ["formId"] = "f" }), World.Personal, "form");

        Assert.Empty(world.CallsTo(world.Clinician.PersonalConversationId));
        Assert.Equal(HttpStatusCode.Forbidden, click.StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [SkippableFact]
    public async Task The_bots_own_tenant_is_served_as_always()
    {
        await using var world = await OwnTenantWorldAsync();
        await world.BindE1ChannelAsync();

        await world.SubmitReferralAsync(world.Clinician);

        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    private Task<World> OwnTenantWorldAsync() =>
        World.StartAsync(database, settings: new Dictionary<string, string> { ["MicrosoftAppTenantId"] = TeamsPayloads.TenantId });
}

public sealed class TenantsOnSqlite() : TenantTests(Databases.Sqlite);

public sealed class TenantsOnPostgres() : TenantTests(Databases.Postgres);
