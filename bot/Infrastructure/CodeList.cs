using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ParoleOnco.Infrastructure;

/// <summary>Stores a short list of vocabulary codes (which never contain commas) as one comma-separated column.</summary>
internal static class CodeList
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Converter = new(
        list => string.Join(',', list),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, code) => HashCode.Combine(hash, code.GetHashCode())),
        list => list.ToArray());
}
