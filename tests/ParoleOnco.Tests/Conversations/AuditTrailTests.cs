using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>The audit trail says who did or tried what, on which subject, where, and with what outcome.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_refused_click_is_audited_with_who_what_where_and_why_and_changes_nothing()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        await world.Teams.ClickAsync(world.OtherClinician, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "c");

        var refused = Assert.Single(await AuditAsync(world, e => e.Outcome == AuditOutcomes.Refused));
        Assert.Equal(
            (world.OtherClinician.AadObjectId, CardVerbs.ReferralApprove, AuditTrail.ReferralSubject(Guid.Parse(referralId)), AuditPlaces.Channel, Refusals.NotCoordinator),
            (refused.ActorAadObjectId, refused.Action, refused.Subject, refused.Place, refused.Reason));
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task A_refused_command_is_audited_with_the_command_and_where_it_was_typed()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        await world.Teams.SayAsync(world.Clinician, "attente", World.Personal);

        var refused = Assert.Single(await AuditAsync(world, e => e.Outcome == AuditOutcomes.Refused));
        Assert.Equal(("attente", "", AuditPlaces.Personal, Refusals.NotCoordinator), (refused.Action, refused.Subject, refused.Place, refused.Reason));
    }

    [Fact]
    public async Task Every_row_of_a_journey_says_where_it_happened_and_that_it_was_done()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        await world.AcceptedReferralAsync();

        var rows = await AuditAsync(world, _ => true);
        Assert.All(rows, r => Assert.Equal(AuditOutcomes.Done, r.Outcome));
        Assert.Equal(AuditPlaces.Channel, rows.Single(r => r.Action == "referral.approve").Place);
        Assert.Equal(AuditPlaces.Personal, rows.Single(r => r.Action == "assignment.accept").Place);
        Assert.Equal(AuditPlaces.Personal, rows.Single(r => r.Action == "referral.submit").Place);
    }

    private static Task<List<AuditEntry>> AuditAsync(World world, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> which) =>
        world.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(which).OrderBy(e => e.Id).ToListAsync());
}
