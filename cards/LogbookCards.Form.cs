using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class LogbookCards
{
    /// <summary>The summary input's limit; the bot may check it too (error code <c>tooLong</c>).</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>The attention reason input's limit.</summary>
    public const int MaxAttentionReasonLength = 500;

    /// <summary>The longest contact the form accepts, in minutes (error code <c>invalidDuration</c> beyond).</summary>
    public const int MaxDurationMinutes = 600;

    /// <summary>How far back a contact may be dated: a logbook is written soon after the contact (<c>dateTooOld</c>).</summary>
    public const int OldestContactDays = 120;

    /// <summary>The most parking one entry may claim, in dollars (error code <c>invalidParking</c> beyond).</summary>
    public const int MaxParkingExpense = 500;

    /// <summary>The most kilometres one entry may claim (error code <c>invalidKilometres</c> beyond).</summary>
    public const int MaxKilometres = 2000;

    /// <summary>
    /// The AP's logbook entry for one accompaniment; on errors, shown again with what was typed and each error under
    /// its input. Whether a reason goes with clinical attention is the bot's check (<c>attentionReasonRequired</c>, and
    /// <c>attentionSwitchedOff</c> for a reason written with the toggle off).
    /// </summary>
    public static AdaptiveCard Form(LogbookFormView form, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var fields = new FormFields(form, t);
        var v = form.Values;
        var r = form.Referral;
        InputDate contactDate = new()
        {
            Id = "contactDate",
            Label = t["ContactDateLabel"],
            IsRequired = true,
            ErrorMessage = t["ContactDateErrorMessage"],
            Value = v.ContactDate is null ? IsoDate(form.Today) : IsoDate(v.ContactDate),
            Min = IsoDate(form.Today, daysBefore: OldestContactDays),
            Max = IsoDate(form.Today),
        };
        InputNumber duration = new()
        {
            Id = "durationMinutes",
            Label = t["DurationLabel"],
            Placeholder = t["DurationPlaceholder"],
            IsRequired = true,
            ErrorMessage = t["Error_invalidDuration"],
            Min = 1,
            Max = MaxDurationMinutes,
            Value = Number(v.DurationMinutes),
        };
        InputText summary = new()
        {
            Id = "summary",
            Label = t["SummaryLabel"],
            Placeholder = t["SummaryPlaceholder"],
            IsMultiline = true,
            MaxLength = MaxSummaryLength,
            IsRequired = true,
            ErrorMessage = t["Error_required"],
            Value = v.Summary,
        };
        InputToggle attention = new()
        {
            Id = "needsClinicalAttention",
            Label = t["AttentionLabel"],
            Title = t["AttentionTitle"],
            ValueOn = "true",
            ValueOff = "false",
            Value = v.NeedsClinicalAttention ?? "false",
            Wrap = true,
        };
        InputText attentionReason = new()
        {
            Id = "attentionReason",
            Label = t["AttentionReasonLabel"],
            Placeholder = t["AttentionReasonPlaceholder"],
            IsMultiline = true,
            MaxLength = MaxAttentionReasonLength,
            Value = v.AttentionReason,
        };
        InputToggle share = new()
        {
            Id = "shareWithCareTeam",
            Label = t["ShareLabel"],
            Title = t.Format("ShareTitle", r.ReferrerName),
            ValueOn = "true",
            ValueOff = "false",
            Value = v.ShareWithCareTeam ?? "false",
            Wrap = true,
        };
        InputDate nextContact = new()
        {
            Id = "nextContactDate",
            Label = t["NextContactLabel"],
            ErrorMessage = t["Error_dateInPast"],
            Value = IsoDate(v.NextContactDate),
            Min = IsoDate(form.Today),
        };
        return Blocks.Card(
        [
            Blocks.Title(t.Format("LogbookFormTitle", r.PatientCode)),
            Blocks.Subtle(t.Format("ReferralTitle", r.Number)),
            Blocks.Text(t["LogbookFormIntro"]),
            .. fields.Summary(),
            .. fields.Field(contactDate),
            .. fields.Field(duration),
            .. fields.Field(fields.Codes("modality", "ContactModalityLabel", "Modality", Vocabulary.Modalities, v.Modality ?? r.Modality)),
            .. fields.Field(fields.Codes("supportTypes", "SupportTypesLabel", "SupportType", Vocabulary.Needs, v.SupportTypes, multi: true)),
            .. fields.Field(summary),
            .. fields.Field(attention),
            .. fields.Field(attentionReason),
            .. fields.Field(share),
            .. fields.Field(nextContact),
            Blocks.Heading(t["ExpensesHeading"]) with { Separator = true },
            Blocks.Subtle(t["ExpensesIntro"]),
            .. fields.Field(Amount("parkingExpense", "ParkingLabel", v.ParkingExpense, MaxParkingExpense, "Error_invalidParking", t)),
            .. fields.Field(Amount("kilometres", "KilometresLabel", v.Kilometres, MaxKilometres, "Error_invalidKilometres", t)),
        ],
        [Blocks.Execute(t["LogbookSubmit"], CardVerbs.LogbookSubmit, new CardActionData { ReferralId = r.Id.ToString(), FormId = form.FormId }, ActionStyle.Positive)]);
    }

    private static InputNumber Amount(string id, string labelKey, string? value, int max, string errorKey, Texts t) => new()
    {
        Id = id,
        Label = t[labelKey],
        ErrorMessage = t[errorKey],
        Min = 0,
        Max = max,
        Value = Number(value),
    };

    private static double? Number(string? typed) =>
        double.TryParse(typed, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A date input only shows yyyy-MM-dd; anything else typed is dropped (its error says why).</summary>
    private static string? IsoDate(string? typed, int daysBefore = 0) =>
        DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? CardDates.Iso(date.AddDays(-daysBefore))
            : null;
}
