namespace ParoleOnco.Cards.Building;

/// <summary>
/// Phones reach the cards as the bot stores them (E.164, <c>+15145550142</c>); people read them as they write them
/// (<c>514 555-0142</c>), and a <c>tel:</c> link dials the E.164. The only place cards format a phone.
/// </summary>
internal static class PhoneDisplay
{
    // ITU-T E.164 country codes of one and two digits; every other code has three.
    private static readonly HashSet<string> ShortCountryCodes =
    [
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86",
        "90", "91", "92", "93", "94", "95", "98",
    ];

    /// <summary>North American numbers as people there write them; others in a readable international form.</summary>
    public static string Text(string phone)
    {
        if (!IsE164(phone))
        {
            return phone; // not what the bot stores: shown as it is rather than guessed at
        }

        var digits = phone[1..];
        if (digits.Length == 11 && digits[0] == '1')
        {
            return $"{digits[1..4]} {digits[4..7]}-{digits[7..]}";
        }

        var codeLength = ShortCountryCodes.Contains(digits[..1]) ? 1 : ShortCountryCodes.Contains(digits[..2]) ? 2 : 3;
        return $"+{digits[..codeLength]} {Grouped(digits[codeLength..])}";
    }

    public static string TelUrl(string phone) =>
        "tel:" + string.Concat(phone.Where(c => char.IsAsciiDigit(c) || c == '+'));

    private static bool IsE164(string phone) =>
        phone.Length is >= 4 and <= 16 && phone[0] == '+' && phone[1] != '0' && phone.Skip(1).All(char.IsAsciiDigit);

    // Threes from the left, never a lone last digit: 123 456 789, 123 456 7890, 123 45.
    private static string Grouped(string digits)
    {
        var groups = new List<string>();
        var rest = digits;
        while (rest.Length > 4)
        {
            groups.Add(rest[..3]);
            rest = rest[3..];
        }

        groups.Add(rest);
        return string.Join(' ', groups);
    }
}
