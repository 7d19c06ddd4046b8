using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>The AP's logbook: picking an accompaniment, the entry form, its confirmation and the reminders.</summary>
public static partial class LogbookCards
{
    /// <summary>
    /// The AP's active accompaniments, each with a button to write an entry; one "End an accompaniment…" form
    /// below them all, whose <c>referralId</c> is a choice: the same input ids in one card per accompaniment
    /// would be duplicate ids, which the Adaptive Card parser rejects.
    /// </summary>
    public static AdaptiveCard PickAccompaniment(IReadOnlyList<AccompanimentView> accompaniments, CultureInfo culture)
    {
        var t = Texts.For(culture);
        if (accompaniments.Count == 0)
        {
            return Blocks.Card([Blocks.Title(t["LogbookPickTitle"]), Blocks.Text(t["LogbookPickEmpty"])]);
        }

        return Blocks.Card(
            [Blocks.Title(t["LogbookPickTitle"]), Blocks.Text(t["LogbookPickIntro"]), .. Blocks.Capped(t, accompaniments, a => PickItem(t, a))],
            [Close(t, [.. accompaniments.Take(Blocks.MaxListItems)])]);
    }

    /// <summary>The AP's confirmation: what was noted, and who was told.</summary>
    public static AdaptiveCard Saved(LogbookEntryView entry, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var r = entry.Referral;
        IEnumerable<CardElement> escalated = entry.NeedsClinicalAttention
            ? [new Container { Style = ContainerStyle.Attention, Items = [Blocks.Colored(t["LogbookEscalated"], TextColor.Attention)] }]
            : [];
        IEnumerable<CardElement> shared = entry.SharedWithCareTeam ? [Blocks.Text(t.Format("LogbookShared", r.ReferrerName))] : [];
        return Blocks.Card(
        [
            Blocks.Colored(t["LogbookSavedTitle"], TextColor.Good) with { Size = TextSize.Medium },
            Blocks.Text(t.Format("LogbookSavedIntro", r.PatientCode)),
            .. escalated,
            .. shared,
            EntryFacts(t, entry),
            Blocks.Facts(
                (t["NextContactFact"], entry.NextContactDate is { } next ? t.Day(next) : null),
                (t["ParkingFact"], entry.ParkingExpense is { } parking ? t.Format("Money", parking) : null),
                (t["KilometresFact"], entry.Kilometres is { } km ? t.Number(km, "0.#") + " km" : null)),
            Blocks.Subtle(t["SummaryHeading"]),
            Blocks.Typed(entry.Summary),
            .. AttentionReason(t, entry),
        ],
        [Open(t, "LogbookAnotherButton", r)]);
    }

    /// <summary>A gentle prompt to write in the logbook: the first contact is due, a planned contact passed, or entries are overdue.</summary>
    /// <param name="since">When the AP accepted (first contact), or the last entry or acceptance (overdue); a planned contact says "today".</param>
    /// <param name="firstContactHours">The delay the program hopes for the first contact (configurable in the bot).</param>
    public static AdaptiveCard Reminder(ReminderCardKind kind, ReferralView referral, DateTimeOffset since, CultureInfo culture, int firstContactHours = 48)
    {
        var t = Texts.For(culture);
        var text = kind switch
        {
            ReminderCardKind.FirstContact => t.Format("ReminderFirstContact_Text", referral.PatientCode, CardDates.Date(since), firstContactHours),
            ReminderCardKind.PlannedContact => t.Format("ReminderPlannedContact_Text", referral.PatientCode),
            _ => t.Format("ReminderOverdue_Text", referral.PatientCode, CardDates.Date(since)),
        };
        return Blocks.Card(
        [
            Blocks.Title(t[$"Reminder{kind}_Title"]),
            Blocks.Text(text),
            Blocks.Facts(
                (t["PatientCodeLabel"], referral.PatientCode),
                (t["ReferralLabel"], referral.Number),
                (t["NeedsLabel"], t.Labels("Need", referral.Needs))),
        ],
        [Open(t, "LogbookOpenButton", referral)]);
    }

    /// <summary>Date, modality, duration and support of an entry, as the AP and the clinician read them.</summary>
    internal static FactSet EntryFacts(Texts t, LogbookEntryView e, params (string Title, string? Value)[] before) => Blocks.Facts(
    [
        .. before,
        (t["ContactDateLabel"], t.Day(e.ContactDate)),
        (t["ContactModalityFact"], t.Label("Modality", e.Modality)),
        (t["DurationFact"], Minutes(e.DurationMinutes)),
        (t["SupportGivenLabel"], t.Labels("Need", e.SupportTypes)),
    ]);

    internal static string Minutes(int minutes) => $"{minutes} min";

    private static ActionExecute Open(Texts t, string titleKey, ReferralView r, ActionStyle? style = ActionStyle.Positive) =>
        Blocks.Execute(t[titleKey], CardVerbs.LogbookOpen, new CardActionData { ReferralId = r.Id.ToString() }, style);

    private static IEnumerable<CardElement> AttentionReason(Texts t, LogbookEntryView entry) =>
        entry.NeedsClinicalAttention && !string.IsNullOrWhiteSpace(entry.AttentionReason)
            ? [Blocks.Subtle(t["AttentionReasonHeading"]), Blocks.Typed(entry.AttentionReason)]
            : [];

    private static Container PickItem(Texts t, AccompanimentView a) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Heading(t.Format("PatientCodeHeading", a.Referral.PatientCode)),
            Blocks.Facts(
                (t["ReferralLabel"], a.Referral.Number),
                (t["NeedsLabel"], t.Labels("Need", a.Referral.Needs)),
                (t["AcceptedOnLabel"], CardDates.Date(a.AcceptedAt)),
                (t["LastContactLabel"], a.LastContactAt is { } last ? CardDates.Date(last) : t["LastContactNone"]),
                (t["EntriesLabel"], a.Entries.ToString(CultureInfo.InvariantCulture))),
            // One button per item: a list of primary buttons would all shout at once.
            new ActionSet { Actions = [Open(t, "LogbookOpenButton", a.Referral, style: null)] },
        ],
    };
}
