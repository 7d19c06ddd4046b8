namespace ParoleOnco.Features.Forms;

/// <summary>
/// North American phone numbers, as the four establishments' patients have: stored as E.164. Cards show them as people
/// write them (see the cards' <c>PhoneDisplay</c>).
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? text, out string e164)
    {
        e164 = "";
        // Only ASCII digits count (char.IsDigit would let other scripts' digits into the stored number);
        // any white space separates, as in numbers pasted from a record (tabs, non-breaking spaces).
        if (string.IsNullOrWhiteSpace(text) || text.Any(c => !char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && !"+-().".Contains(c)))
        {
            return false;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        // NANP: area code and exchange never start with 0 or 1.
        if (digits.Length != 10 || digits[0] < '2' || digits[3] < '2')
        {
            return false;
        }

        e164 = "+1" + digits;
        return true;
    }
}
