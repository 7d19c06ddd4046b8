using System.Linq.Expressions;

namespace ParoleOnco.Features.Reporting;

/// <summary>
/// Consecutive stretches of time (a period, or its months) cut at local midnights of the program's time zone. SQL
/// has no time-zone database on SQLite: the cuts are computed here, as UTC instants and as local dates, and a row
/// falls in a bucket by comparison with them (a CASE expression), which both providers run the same way.
/// </summary>
public sealed class Buckets
{
    private Buckets(IReadOnlyList<DateOnly> dates, TimeZoneInfo zone)
    {
        Dates = dates;
        Zone = zone;
        Instants = [.. dates.Select(d => StartOf(d, zone))];
    }

    /// <summary>The first day of each bucket, then the day after the last one.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The same cuts as instants: local midnight in the program's time zone.</summary>
    public IReadOnlyList<DateTimeOffset> Instants { get; }

    public TimeZoneInfo Zone { get; }

    public int Count => Dates.Count - 1;

    public DateTimeOffset From => Instants[0];

    public DateTimeOffset To => Instants[^1];

    /// <summary>One bucket for the whole stretch, first day to the day before <paramref name="end"/>.</summary>
    public static Buckets Whole(DateOnly start, DateOnly end, TimeZoneInfo zone) => new([start, end], zone);

    /// <summary>Each month from the month of <paramref name="first"/> to the month of <paramref name="last"/>.</summary>
    public static Buckets Months(DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        var start = new DateOnly(first.Year, first.Month, 1);
        var months = ((last.Year - start.Year) * 12) + last.Month - start.Month + 1;
        return new([.. Enumerable.Range(0, Math.Max(months, 1) + 1).Select(start.AddMonths)], zone);
    }

    /// <summary>The bucket an instant falls in, or -1.</summary>
    public int IndexOf(DateTimeOffset at) => IndexOf(at, Instants);

    /// <summary>The bucket a local date falls in, or -1.</summary>
    public int IndexOf(DateOnly date) => IndexOf(date, Dates);

    /// <summary>A SQL-translatable <c>CASE WHEN at &lt; cut1 THEN 0 WHEN at &lt; cut2 THEN 1 … END</c> over rows already within the stretch.</summary>
    public Expression<Func<TRow, int>> IndexOf<TRow, TAt>(Expression<Func<TRow, TAt>> at, IReadOnlyList<TAt> cuts)
    {
        Expression index = Expression.Constant(Count - 1);
        for (var i = Count - 2; i >= 0; i--)
        {
            index = Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(cuts[i + 1], typeof(TAt))), Expression.Constant(i), index);
        }

        return Expression.Lambda<Func<TRow, int>>(index, at.Parameters);
    }

    private static int IndexOf<T>(T at, IReadOnlyList<T> cuts) where T : IComparable<T>
    {
        if (at.CompareTo(cuts[0]) < 0 || at.CompareTo(cuts[^1]) >= 0)
        {
            return -1;
        }

        var i = 0;
        while (at.CompareTo(cuts[i + 1]) >= 0)
        {
            i++;
        }

        return i;
    }

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
