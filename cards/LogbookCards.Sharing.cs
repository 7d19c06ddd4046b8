using System.Globalization;
using System.Text;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class LogbookCards
{
    /// <summary>
    /// The summaries' share of a file sheet, in UTF-8 bytes: with the rest of the card it stays well under Teams'
    /// 28 KB whatever the summaries hold. The newest summary always shows.
    /// </summary>
    internal const int FileSheetSummaryBudget = 16 * 1024;

    /// <summary>The summary an AP chose to share, sent to the referring clinician in 1:1.</summary>
    public static AdaptiveCard SharedSummary(LogbookEntryView entry, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var r = entry.Referral;
        return Blocks.Card(
        [
            Blocks.Title(t.Format("SharedSummaryTitle", r.PatientCode)),
            Blocks.Text(t.Format("SharedSummaryIntro", entry.ApName)),
            EntryFacts(t, entry, (t["PatientCodeLabel"], r.PatientCode), (t["ReferralLabel"], r.Number), (t["ApLabel"], entry.ApName)),
            Blocks.Subtle(t["SummaryHeading"]),
            Blocks.Typed(entry.Summary),
            Blocks.Subtle(t.Format("SharedSummaryFileLine", r.PatientCode)) with { Spacing = Spacing.Medium },
        ]);
    }

    /// <summary>
    /// A patient's file sheet, for the referring clinician and the coordinators: the shared summaries, newest first,
    /// one block each (date — AP — modality — duration, then the text) to paste into the hospital record.
    /// </summary>
    public static AdaptiveCard FileSheet(string patientCode, IReadOnlyList<SharedSummaryView> summaries, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var title = Blocks.Title(t.Format("FileSheetTitle", patientCode));
        if (summaries.Count == 0)
        {
            return Blocks.Card([title, Blocks.Text(t["FileSheetEmpty"])]);
        }

        var shown = Newest(summaries);
        IEnumerable<CardElement> capped = shown.Count < summaries.Count
            ? [Blocks.Subtle(t.Format("FileSheetCapped", shown.Count, summaries.Count))]
            : [];
        return Blocks.Card([title, Blocks.Subtle(t["FileSheetIntro"]), .. shown.Select(s => SheetItem(t, s)), .. capped]);
    }

    /// <summary>Newest first (the order given breaks ties), at most 20, within the byte budget.</summary>
    private static List<SharedSummaryView> Newest(IReadOnlyList<SharedSummaryView> summaries)
    {
        var shown = new List<SharedSummaryView>();
        var bytes = 0;
        foreach (var summary in summaries.OrderByDescending(s => s.ContactDate).Take(Blocks.MaxListItems))
        {
            bytes += Encoding.UTF8.GetByteCount(summary.Summary);
            if (shown.Count > 0 && bytes > FileSheetSummaryBudget)
            {
                break;
            }

            shown.Add(summary);
        }

        return shown;
    }

    private static Container SheetItem(Texts t, SharedSummaryView s) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Heading(string.Join(" — ", CardDates.Iso(s.ContactDate), s.ApName, t.Label("Modality", s.Modality), Minutes(s.DurationMinutes)))
                with { Spacing = null },
            // Plain, not italic: this is the text that goes into the record.
            new RichTextBlock { Inlines = [new TextRun { Text = s.Summary }], Spacing = Spacing.Small },
        ],
    };
}
