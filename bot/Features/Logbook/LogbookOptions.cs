namespace ParoleOnco.Features.Logbook;

public sealed class LogbookOptions
{
    public const string Section = "Logbook";

    /// <summary>The first contact after an AP accepts is expected within this delay.</summary>
    public TimeSpan FirstContactWithin { get; init; } = TimeSpan.FromHours(48);

    /// <summary>After a planned contact's prompt, the entry is overdue after this delay.</summary>
    public TimeSpan EntryOverdueAfter { get; init; } = TimeSpan.FromHours(48);

    /// <summary>After the AP's gentle reminder, the coordinators are told after this delay.</summary>
    public TimeSpan CoordinatorsToldAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An unacknowledged escalation is announced again after this delay.</summary>
    public TimeSpan ReannounceAfter { get; init; } = TimeSpan.FromMinutes(30);

    public int MaxAnnouncements { get; init; } = 6;

    /// <summary>The hour, in the program's time zone, at which a planned contact's prompt is sent.</summary>
    public int PlannedContactPromptHour { get; init; } = 17;

    /// <summary>The program's time zone: dates typed by APs are Quebec dates.</summary>
    public string TimeZone { get; init; } = "America/Toronto";
}
