using System.Text;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Tests.Conversations.Harness;
using static ParoleOnco.Tests.Features.Reporting.SeededProgram;

namespace ParoleOnco.Tests.Features.Reporting;

/// <summary>Each column of both exports on a seeded program with known answers, on each provider.</summary>
public abstract class ExportCsvTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task Figures_csv_has_one_row_per_establishment_and_month_with_each_column_known()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();
        using var output = new MemoryStream();

        await FiguresCsv.WriteAsync(program.Query(db), ["E1", "E2"], null, Buckets.Months(Day(2, 1), Day(3, 1), Zone), output, default);

        Assert.Equal(
            [
                string.Join(',', FiguresCsv.Columns),
                "E1,2026-02,1,0,0,0,0,,,0,0,0,,0,,0,0,0",
                "E1,2026-03,4,1,3,2,1,10,50,2,90,1,30,1,5,1,12.5,20.5",
                "E2,2026-02,0,0,0,0,0,,,0,0,0,,0,,0,0,0",
                "E2,2026-03,1,1,0,0,0,2,,0,0,0,,0,,0,0,0",
            ],
            Lines(output));
    }

    [SkippableFact]
    public async Task Accompaniments_csv_has_one_de_identified_row_per_referral_of_the_period()
    {
        await using var program = await CreateAsync(database);
        await using var db = program.Database.Context();
        using var output = new MemoryStream();

        await AccompanimentsCsv.WriteAsync(db, "E1", Buckets.Whole(Day(3, 1), Day(4, 1), Zone), output, default);

        var lines = Lines(output);
        Assert.Equal(string.Join(',', AccompanimentsCsv.Columns), lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(4, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{16}$", r[0]));
        Assert.Equal(
            [
                "E1,2026-03,breast,45-54,fr,phone,emotional;navigational,accepted,24,47,,0,0,,",
                "E1,2026-03,breast,45-54,fr,phone,emotional;navigational,closed,4,24,completed,2,90,emotional;informational,5",
                "E1,2026-03,breast,45-54,fr,phone,emotional;navigational,declined,10,,,0,0,,",
                "E1,2026-03,breast,45-54,fr,phone,emotional;navigational,submitted,,,,0,0,,",
            ],
            rows.Select(r => string.Join(',', r[1..])).Order(StringComparer.Ordinal));
        var file = string.Join('\n', lines);
        foreach (var secret in new[] { "CHUM-0042", "protected", Reason, "Dre Gagnon", "Marie", program.R1.ToString(), program.R1.ToString("N") })
        {
            Assert.DoesNotContain(secret, file, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string[] Lines(MemoryStream output)
    {
        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

public sealed class ExportCsvOnSqlite() : ExportCsvTests(Databases.Sqlite);

public sealed class ExportCsvOnPostgres() : ExportCsvTests(Databases.Postgres);
