using System.Globalization;
using ParoleOnco.Cards;
using ParoleOnco.Features.Forms;

namespace ParoleOnco.Features.Logbook;

/// <summary>A valid logbook form, read from the card's inputs.</summary>
public sealed record LogbookRequest(
    string FormId,
    DateOnly ContactDate,
    int DurationMinutes,
    string Modality,
    IReadOnlyList<string> SupportTypes,
    string Summary,
    string? AttentionReason,
    bool ShareWithCareTeam,
    DateOnly? NextContactDate,
    decimal? ParkingExpense,
    decimal? Kilometres)
{
    public const int SummaryMaxLength = LogbookCards.MaxSummaryLength;
    public const int MaxDurationMinutes = LogbookCards.MaxDurationMinutes;

    public bool NeedsClinicalAttention => AttentionReason is not null;

    /// <param name="today">The AP's date today, in the program's time zone.</param>
    public static LogbookRequest? Read(CardActionData data, DateOnly today, out IReadOnlyDictionary<string, string> errors)
    {
        var form = new FormReader();
        var formId = form.Required("formId", data.FormId);
        var contactDate = ReadDate(form, "contactDate", data.ContactDate, required: true);
        if (contactDate is { } contact)
        {
            form.Check("contactDate", contact <= today, "dateInFuture");
            form.Check("contactDate", contact >= today.AddDays(-LogbookCards.OldestContactDays), "dateTooOld");
        }

        var duration = ReadWhole(form, "durationMinutes", data.DurationMinutes, 1, MaxDurationMinutes);
        var modality = form.Choice("modality", data.Modality, Vocabulary.Modalities);
        var supportTypes = form.Choices("supportTypes", data.SupportTypes, Vocabulary.Needs);
        var summary = form.Required("summary", data.Summary, SummaryMaxLength);
        var attention = data.NeedsClinicalAttention == "true";
        var reason = form.Optional("attentionReason", data.AttentionReason, LogbookCards.MaxAttentionReasonLength);
        form.Check("attentionReason", !attention || reason is not null, "attentionReasonRequired");

        // What may change the medical course, written with the toggle left off, would reach no one: ask, never drop it.
        form.Check("attentionReason", attention || reason is null, "attentionSwitchedOff");
        var next = ReadDate(form, "nextContactDate", data.NextContactDate, required: false);
        if (next is { } nextDate)
        {
            form.Check("nextContactDate", nextDate >= today, "dateInPast");
        }

        var parking = ReadAmount(form, "parkingExpense", data.ParkingExpense, LogbookCards.MaxParkingExpense, "invalidParking");
        var kilometres = ReadAmount(form, "kilometres", data.Kilometres, LogbookCards.MaxKilometres, "invalidKilometres");

        errors = form.Errors;
        return form.IsValid
            ? new LogbookRequest(formId, contactDate!.Value, duration, modality, supportTypes, summary,
                attention ? reason : null, data.ShareWithCareTeam == "true", next, parking, kilometres)
            : null;
    }

    // Input.Date sends yyyy-MM-dd whatever the person's language.
    private static DateOnly? ReadDate(FormReader form, string id, string? text, bool required)
    {
        var value = required ? form.Required(id, text) : form.Optional(id, text, 10);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        form.Fail(id, "invalidDate");
        return null;
    }

    private static int ReadWhole(FormReader form, string id, string? text, int min, int max)
    {
        if (form.Required(id, text).Length == 0)
        {
            return 0;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value >= min && value <= max)
        {
            return (int)value;
        }

        form.Fail(id, "invalidDuration");
        return 0;
    }

    private static decimal? ReadAmount(FormReader form, string id, string? text, decimal max, string error)
    {
        var value = form.Optional(id, text, 12);
        if (value is null)
        {
            return null;
        }

        // Clients send Input.Number with a dot; a French decimal comma typed in a text fallback is read too.
        if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= max)
        {
            return decimal.Round(amount, 2);
        }

        form.Fail(id, error);
        return null;
    }
}
