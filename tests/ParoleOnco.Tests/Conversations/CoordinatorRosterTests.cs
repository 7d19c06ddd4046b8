using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Coordinators are the staff in the coordinators' team: not its guests, not members from another tenant.</summary>
public abstract class CoordinatorRosterTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task A_guest_of_the_coordinators_team_cannot_approve_a_match_nor_read_the_phone()
    {
        var guest = TestUser.Create("Gus Guest", "fr-CA", 40) with { IsGuest = true };
        await using var world = await WorldWithAsync(guest);

        await AssertNotCoordinatorAsync(world, guest);
    }

    [SkippableFact]
    public async Task A_member_of_another_tenant_in_the_coordinators_team_cannot_approve_a_match_nor_read_the_phone()
    {
        // No MicrosoftAppTenantId here: the team's own tenant, as its activities name it, is the one that counts.
        var outsider = TestUser.Create("Olga Outsider", "fr-CA", 41) with { TenantId = "99999999-8888-7777-6666-555555555555" };
        await using var world = await WorldWithAsync(outsider);

        await AssertNotCoordinatorAsync(world, outsider);
    }

    [SkippableFact]
    public async Task A_staff_member_of_the_coordinators_team_still_approves()
    {
        await using var world = await WorldWithAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");

        Assert.Equal(ReferralStatus.Matched, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    private static async Task AssertNotCoordinatorAsync(World world, TestUser notCoordinator)
    {
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var approval = await world.Teams.ClickAsync(notCoordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");
        var phone = await world.Teams.ClickAsync(notCoordinator, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, World.E1Channel, "card");

        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
        Assert.DoesNotContain("5550199", CardQuery.Json(approval));
        Assert.DoesNotContain("5550199", CardQuery.Json(phone));
        var tried = await world.QueryAsync(db => db.AuditEntries.Where(a => a.ActorAadObjectId == notCoordinator.AadObjectId).Select(a => new { a.Outcome, a.Reason }).ToListAsync());
        Assert.Equal(2, tried.Count);
        Assert.All(tried, a => Assert.Equal((AuditOutcomes.Refused, Refusals.NotCoordinator), (a.Outcome, a.Reason)));
    }

    private async Task<World> WorldWithAsync(params TestUser[] alsoInTheTeam)
    {
        var world = await World.StartAsync(database);
        world.Connector.SetRoster(World.E1Channel.TeamId, [world.Admin, world.Coordinator, world.SecondCoordinator, .. alsoInTheTeam]);
        await world.BindE1ChannelAsync();
        return world;
    }
}

public sealed class CoordinatorRostersOnSqlite() : CoordinatorRosterTests(Databases.Sqlite);

public sealed class CoordinatorRostersOnPostgres() : CoordinatorRosterTests(Databases.Postgres);
