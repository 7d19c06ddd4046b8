using ParoleOnco.Cards;

namespace ParoleOnco.Features.Forms;

/// <summary>
/// Reads card inputs (always strings) and collects an error code per input id, so a form can be shown
/// again with every error beside its field and everything typed kept.
/// </summary>
public sealed class FormReader
{
    private readonly Dictionary<string, string> errors = [];

    public IReadOnlyDictionary<string, string> Errors => errors;

    public bool IsValid => errors.Count == 0;

    public string Required(string id, string? value, int maxLength = 100)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Fail(id, "required");
        }
        else if (text.Length > maxLength)
        {
            Fail(id, "tooLong");
        }

        return text;
    }

    public string? Optional(string id, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (text?.Length > maxLength)
        {
            Fail(id, "tooLong");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public string Choice(string id, string? value, IReadOnlyList<string> allowed)
    {
        var code = Required(id, value);
        if (code.Length > 0 && !allowed.Contains(code))
        {
            Fail(id, "invalidChoice");
        }

        return code;
    }

    public IReadOnlyList<string> Choices(string id, string? commaList, IReadOnlyList<string> allowed)
    {
        var codes = (commaList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToArray();
        if (codes.Length == 0)
        {
            Fail(id, "required");
        }
        else if (codes.Any(c => !allowed.Contains(c)))
        {
            Fail(id, "invalidChoice");
        }

        // Kept in vocabulary order so equal selections store and compare equal.
        return [.. allowed.Where(codes.Contains)];
    }

    public void Check(string id, bool condition, string errorCode)
    {
        if (!condition)
        {
            Fail(id, errorCode);
        }
    }

    public void Fail(string id, string errorCode) => errors.TryAdd(id, errorCode);
}
