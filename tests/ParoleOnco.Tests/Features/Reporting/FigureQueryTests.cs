using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Tests.Conversations.Harness;
using static ParoleOnco.Tests.Features.Reporting.SeededProgram;

namespace ParoleOnco.Tests.Features.Reporting;

/// <summary>Each figure of the stats card on a seeded program with known answers, computed by the database.</summary>
public abstract class FigureQueryTests(Func<Task<TestDatabase>> database)
{
    private static readonly Buckets March = Buckets.Whole(Day(3, 1), Day(4, 1), Zone);

    [SkippableFact]
    public async Task Each_figure_of_an_establishment_for_a_month_has_its_known_value()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();

        var e1 = (await program.Query(db).ComputeAsync("E1", March, default))[new("E1", 0)];

        Assert.Equal(
            (4, 1, 3, 2, 1, 1, 1, 2, 90, 1, 1, 5.0, 1, 12.50m, 20.5m),
            (e1.Referrals, e1.Declined, e1.Matched, e1.ApAccepted, e1.ApDeclined, e1.FirstContactDue - 1, e1.FirstContactInTime,
             e1.Contacts, e1.ContactMinutes, e1.Escalations, e1.Closed, e1.SatisfactionMean, e1.SatisfactionResponses, e1.ParkingDollars, e1.Kilometres));
        Assert.Equal(new Dictionary<string, int> { [Reason] = 1 }, e1.DeclineReasons);
        Assert.Equal((10.0, 21.2), (e1.MedianHoursToDecision!.Value, Math.Round(e1.P90HoursToDecision!.Value, 6)));
        // r3 waits 47 h, not 48: Quebec moves its clocks forward on 8 March 2026.
        Assert.Equal((35.5, 44.7), (e1.MedianHoursToAcceptance!.Value, Math.Round(e1.P90HoursToAcceptance!.Value, 6)));
        Assert.Equal(50.0, e1.FirstContactWithinPct);
        Assert.Equal(30.0, e1.MedianMinutesToAcknowledge);
        Assert.Equal(new Dictionary<string, (int, int)> { ["phone"] = (1, 30), ["inPerson"] = (1, 60) }, e1.ByModality);
        Assert.Equal((100.0, 50.0), (e1.SupportTypePct("emotional"), e1.SupportTypePct("informational")));
        Assert.Equal(new Dictionary<string, int> { ["completed"] = 1 }, e1.ClosedByOutcome);
        Assert.Equal(new Dictionary<int, int> { [5] = 1 }, e1.Satisfaction);
    }

    [SkippableFact]
    public async Task The_whole_program_adds_the_establishments_and_pools_their_durations()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();

        var all = await program.Query(db).ComputeAsync(null, March, default);
        var total = Figures.Sum(all.Values);

        Assert.Equal(["E1", "E2"], all.Keys.Select(k => k.Establishment).Order());
        Assert.Equal((5, 2, 2), (total.Referrals, total.Declined, total.DeclineReasons[Reason]));
        Assert.Equal(7.0, total.MedianHoursToDecision);
    }

    [SkippableFact]
    public async Task A_referral_at_23_30_local_on_the_last_day_of_a_month_counts_in_that_month()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();

        var months = await program.Query(db).ComputeAsync("E1", Buckets.Months(Day(2, 1), Day(4, 1), Zone), default);

        Assert.Equal((1, 4), (months[new("E1", 0)].Referrals, months[new("E1", 1)].Referrals));
        Assert.False(months.ContainsKey(new("E1", 2)));
    }

    [SkippableFact]
    public async Task The_queue_the_accompaniments_under_way_and_the_APs_load_are_read_as_they_are_now()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();

        var e1 = (await program.Query(db).CurrentAsync("E1", default))["E1"];

        Assert.Equal((2, 1), (e1.WaitingNow, e1.ActiveNow));
        Assert.Equal((0, 0.5, 1, 25.0), (e1.MinActivePerAp!.Value, e1.MedianActivePerAp!.Value, e1.MaxActivePerAp!.Value, e1.CapacityUsedPct!.Value));
    }

    [SkippableFact]
    public async Task An_accompaniment_whose_48_hours_are_not_over_is_not_counted_for_the_first_contact()
    {
        await using var program = await CreateAsync(database);
        var clock = new FakeTimeProvider(Local(3, 9, 12)); // r3 accepted on 8 March at 10:00: its 48 h run until the 10th
        await using var db = program.Database.Context();

        var e1 = (await program.Query(db, clock).ComputeAsync("E1", March, default))[new("E1", 0)];

        Assert.Equal((1, 1, 100.0), (e1.FirstContactDue, e1.FirstContactInTime, e1.FirstContactWithinPct!.Value));
    }
}

public sealed class FigureQueryOnSqlite() : FigureQueryTests(Databases.Sqlite);

public sealed class FigureQueryOnPostgres() : FigureQueryTests(Databases.Postgres);
