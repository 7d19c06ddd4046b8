using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Tests.Conversations.Harness;
using static ParoleOnco.Tests.Features.Reporting.SeededProgram;

namespace ParoleOnco.Tests.Features.Reporting;

/// <summary>One AP's figures (their impact) from the program's queries, on the seeded program: Anne and Zoé in March.</summary>
public abstract class FigureScopeTests(Func<Task<TestDatabase>> database)
{
    private static readonly Buckets March = Buckets.Whole(Day(3, 1), Day(4, 1), Zone);

    [SkippableFact]
    public async Task An_aps_scope_counts_the_offers_made_to_them_their_contacts_and_their_closings_only()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();
        var anne = await db.AccompanyingPatients.Where(a => a.Name == "Anne").Select(a => a.Id).SingleAsync();
        var zoe = await db.AccompanyingPatients.Where(a => a.Name == "Zoé").Select(a => a.Id).SingleAsync();
        var query = program.Query(db);

        var a = Figures.Sum((await query.ComputeAsync(FigureScope.Ap(anne), March, default)).Values);
        var z = Figures.Sum((await query.ComputeAsync(FigureScope.Ap(zoe), March, default)).Values);

        // r3 was offered to Zoé, who declined, then to Anne, who accepted: each keeps their own answer.
        Assert.Equal((2, 2, 0, 1, 2, 90, 1), (a.Matched, a.ApAccepted, a.ApDeclined, a.Closed, a.Contacts, a.ContactMinutes, a.Escalations));
        Assert.Equal(new Dictionary<string, int> { ["emotional"] = 2, ["informational"] = 1 }, a.SupportTypes);
        Assert.Equal((1, 0, 1, 0, 0, 0, 0), (z.Matched, z.ApAccepted, z.ApDeclined, z.Closed, z.Contacts, z.ContactMinutes, z.Escalations));
        Assert.Equal(1, (await query.CurrentAsync(FigureScope.Ap(anne), default)).Values.Sum(l => l.ActiveNow));
        Assert.Equal(0, (await query.CurrentAsync(FigureScope.Ap(zoe), default)).Values.Sum(l => l.ActiveNow));
    }
}

public sealed class FigureScopeOnSqlite() : FigureScopeTests(Databases.Sqlite);

public sealed class FigureScopeOnPostgres() : FigureScopeTests(Databases.Postgres);
