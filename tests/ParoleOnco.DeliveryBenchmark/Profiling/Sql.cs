using System.Text.RegularExpressions;

namespace ParoleOnco.DeliveryBenchmark.Profiling;

/// <summary>Names a SQL command by what it does: its first statement's verb and table, and the outbox step for updates.</summary>
public static partial class Sql
{
    public const string Claim = "UPDATE OutboxMessages (claim)";

    public static string Describe(string sql)
    {
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var match = FirstStatement().Match(sql);
        var name = match.Success ? $"{match.Groups["verb"].Value.ToUpperInvariant()} {match.Groups["table"].Value}" : "other SQL";
        if (name == "UPDATE OutboxMessages")
        {
            name = sql.Contains("\"ClaimedBy\" =", StringComparison.Ordinal) ? Claim : name + " (result)";
        }

        return statements > 1 ? $"{name} + {statements - 1} more" : name;
    }

    // The verb, then the first quoted table after FROM or INTO (or right after UPDATE).
    [GeneratedRegex(@"^\s*(?<verb>SELECT|INSERT|UPDATE|DELETE)\b(?:.*?\b(?:FROM|INTO))?\s+""(?<table>\w+)""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FirstStatement();
}
