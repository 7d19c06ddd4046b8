using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>For admins and the privacy officer: who accessed a patient's data, and the whole log as a file.</summary>
public static class AuditCards
{
    /// <summary>The access log of one patient code, newest first; the export form below it.</summary>
    public static AdaptiveCard AccessLog(string patientCode, IReadOnlyList<AuditRowView> rows, DateOnly today, CultureInfo culture)
    {
        var t = Texts.For(culture);
        IEnumerable<CardElement> log = rows.Count == 0
            ? [Blocks.Text(t["AccessLogEmpty"])]
            : Blocks.Capped(t, rows, row => Row(t, row));
        return Blocks.Card([Blocks.Title(t["AccessLogTitle"]), Blocks.Typed(patientCode), Blocks.Subtle(t["AccessLogIntro"]), .. log, .. ExportInputs(t, today, null)], [Export(t)]);
    }

    /// <summary>The export form alone (<c>audit</c> without a code), with what was typed and why it was refused, if it was.</summary>
    public static AdaptiveCard ExportForm(DateOnly from, DateOnly to, string? error, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["AuditExportTitle"]), Blocks.Text(t["AuditExportIntro"]), .. ExportInputs(t, to, (from, to, error))], [Export(t)]);
    }

    /// <summary>The signed link to the CSV file: it works for 15 minutes, and each download is audited.</summary>
    public static AdaptiveCard ExportReady(string url, DateOnly from, DateOnly to, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
            [Blocks.Title(t["AuditExportTitle"]), Blocks.Text(t.Format("AuditExportReady", CardDates.Iso(from), CardDates.Iso(to)))],
            [new ActionOpenUrl { Title = t["AuditExportDownload"], Url = url }]);
    }

    private static Container Row(Texts t, AuditRowView row) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Text($"{CardDates.DateAndTime(t, row.At)} — {row.Who}"),
            Blocks.Subtle(row.Outcome == "refused"
                ? t.Format("AccessLogRefused", row.Action, t.Label("AuditPlace", row.Place), row.Reason)
                : t.Format("AccessLogDone", row.Action, t.Label("AuditPlace", row.Place))),
        ],
    };

    private static IEnumerable<CardElement> ExportInputs(Texts t, DateOnly today, (DateOnly From, DateOnly To, string? Error)? typed)
    {
        var (from, to) = typed is { } kept ? (kept.From, kept.To) : (today.AddMonths(-1), today);
        yield return new InputDate { Id = "from", Label = t["AuditExportFrom"], Value = CardDates.Iso(from), IsRequired = true, ErrorMessage = t["AuditExportRange"] };
        yield return new InputDate { Id = "to", Label = t["AuditExportTo"], Value = CardDates.Iso(to), IsRequired = true, ErrorMessage = t["AuditExportRange"] };
        if (typed?.Error is { } error)
        {
            yield return Blocks.Error(t[error]);
        }
    }

    private static ActionExecute Export(Texts t) => Blocks.Execute(t["AuditExportButton"], CardVerbs.AuditExport, new CardActionData());
}
