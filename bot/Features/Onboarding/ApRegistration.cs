using System.Globalization;
using ParoleOnco.Cards;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Forms;

namespace ParoleOnco.Features.Onboarding;

/// <summary>A valid AP registration form, read from the card's inputs.</summary>
public sealed record ApRegistration(
    string EstablishmentId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> CancerTypes,
    string AgeBand,
    IReadOnlyList<string> Modalities,
    int Capacity)
{
    public const int MaxCapacity = 10;

    public static ApRegistration? Read(CardActionData data, EstablishmentCatalog establishments, out IReadOnlyDictionary<string, string> errors)
    {
        var form = new FormReader();
        var establishmentId = form.Choice("establishmentId", data.EstablishmentId, [.. establishments.All.Select(e => e.Id)]);
        var languages = form.Choices("languages", data.Languages, Vocabulary.Languages);
        var cancerTypes = form.Choices("cancerTypes", data.CancerTypes, Vocabulary.CancerTypes);
        var ageBand = form.Choice("ageBand", data.AgeBand, Vocabulary.AgeBands);
        var modalities = form.Choices("modalities", data.Modalities, Vocabulary.Modalities);
        var capacity = ReadCapacity(form, data.Capacity);

        errors = form.Errors;
        return form.IsValid
            ? new ApRegistration(establishmentId, languages, cancerTypes, ageBand, modalities, capacity)
            : null;
    }

    private static int ReadCapacity(FormReader form, string? text)
    {
        if (form.Required("capacity", text).Length == 0)
        {
            return 0;
        }

        // Input.Number may send "3" or "3.0" depending on the client; no thousands separator, so "1,0" is not ten.
        if (decimal.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= 1 and <= MaxCapacity)
        {
            return (int)value;
        }

        form.Fail("capacity", "invalidCapacity");
        return 0;
    }
}
