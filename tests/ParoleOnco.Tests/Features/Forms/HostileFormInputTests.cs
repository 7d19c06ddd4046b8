using CsCheck;
using ParoleOnco.Cards;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;

namespace ParoleOnco.Tests.Features.Forms;

/// <summary>
/// Property-based: whatever a crafted invoke puts in a form's inputs (any Unicode, control characters, huge values,
/// numbers where dates go), the form readers answer with a request or with errors, never an exception, and what they
/// accept stays within the form's limits.
/// </summary>
public sealed class HostileFormInputTests
{
    /// <summary>The inputs of every form, random: the card contract's keys all get a value of this kind.</summary>
    public static readonly Gen<string?> Input = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.String.Select(s => (string?)s),
        Gen.Char.Array[0, 40].Select(c => (string?)new string(c)),
        Gen.Int[0, 100_000].Select(n => (string?)new string('9', n)),
        Pick(
            "", " ", "\0", "\u202e", "💥", "١٢٣", "-1", "1e309", "NaN", "true", "2026-02-30", "0001-01-01", "9999-12-31",
            "<at>bot</at>", "**gras**", "=HYPERLINK(\"x\")", "E1", "breast", "45-54", "fr", "phone", "emotional,,emotional", "514 555-0199"));

    /// <summary>One of these values, each as likely.</summary>
    public static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    public static readonly Gen<CardActionData> Form = Input.Array[27].Select(v => new CardActionData
    {
        FormId = v[0], EstablishmentId = v[1], ApId = v[2], Languages = v[3], CancerTypes = v[4], Modalities = v[5], Capacity = v[6],
        ReferralId = v[7], PatientCode = v[8], Consent = v[9], CancerType = v[10], AgeBand = v[11], Language = v[12], Modality = v[13],
        Needs = v[14], Phone = v[15], Note = v[16], Reason = v[17], ContactDate = v[18], DurationMinutes = v[19], SupportTypes = v[20],
        Summary = v[21], NeedsClinicalAttention = v[22], AttentionReason = v[23], ShareWithCareTeam = v[24], NextContactDate = v[25],
        ParkingExpense = v[26],
    });

    private static readonly EstablishmentCatalog Catalog = Samples.Catalog();

    [Fact]
    public void The_referral_form_reader_never_throws_and_accepts_only_what_fits_the_form() =>
        Form.Sample(data =>
        {
            var request = ReferralRequest.Read(data, Catalog, out var errors);
            Assert.True(request is null != (errors.Count == 0), "A form is either read or refused with errors.");
            if (request is not null)
            {
                Assert.InRange(request.PatientCode.Length, 1, 20);
                Assert.NotNull(Catalog.Find(request.EstablishmentId));
                Assert.StartsWith("+", request.Phone);
            }
        }, iter: 2_000);

    [Fact]
    public void The_logbook_form_reader_never_throws_and_accepts_only_what_fits_the_form() =>
        Form.Sample(data =>
        {
            var today = new DateOnly(2026, 11, 26);
            var request = LogbookRequest.Read(data, today, out var errors);
            Assert.True(request is null != (errors.Count == 0), "A form is either read or refused with errors.");
            if (request is not null)
            {
                Assert.True(request.ContactDate <= today);
                Assert.InRange(request.DurationMinutes, 1, LogbookRequest.MaxDurationMinutes);
            }
        }, iter: 2_000);

    [Fact]
    public void The_AP_registration_reader_never_throws() =>
        Form.Sample(data =>
        {
            var registration = ApRegistration.Read(data, Catalog, out var errors);
            Assert.True(registration is null != (errors.Count == 0), "A form is either read or refused with errors.");
        }, iter: 2_000);
}
