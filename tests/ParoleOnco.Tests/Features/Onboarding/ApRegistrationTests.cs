using ParoleOnco.Cards;
using ParoleOnco.Features.Onboarding;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Onboarding;

public class ApRegistrationTests
{
    private static (ApRegistration? Registration, IReadOnlyDictionary<string, string> Errors) Read(CardActionData data)
    {
        var registration = ApRegistration.Read(data, Catalog(), out var errors);
        return (registration, errors);
    }

    private static KeyValuePair<string, string> OnlyError(CardActionData data)
    {
        var (registration, errors) = Read(data);
        Assert.Null(registration);
        return Assert.Single(errors);
    }

    private static KeyValuePair<string, string> Error(string id, string code) => new(id, code);

    [Fact]
    public void A_complete_form_gives_a_registration_and_no_errors()
    {
        var (registration, errors) = Read(RegistrationForm());

        Assert.Empty(errors);
        Assert.NotNull(registration);
        Assert.Equal("E1", registration.EstablishmentId);
        Assert.Equal(["fr", "en"], registration.Languages);
        Assert.Equal(["breast"], registration.CancerTypes);
        Assert.Equal("55-64", registration.AgeBand);
        Assert.Equal(["phone", "video"], registration.Modalities);
        Assert.Equal(3, registration.Capacity);
    }

    [Fact]
    public void Several_choices_are_trimmed_deduplicated_and_kept_in_vocabulary_order()
    {
        var registration = Read(RegistrationForm() with
        {
            Languages = " ar , en,fr,en ", CancerTypes = "other,breast,hereditary", Modalities = "video, inPerson ,phone",
        }).Registration;

        Assert.NotNull(registration);
        Assert.Equal(["fr", "en", "ar"], registration.Languages);
        Assert.Equal(["breast", "hereditary", "other"], registration.CancerTypes);
        Assert.Equal(["phone", "inPerson", "video"], registration.Modalities);
    }

    [Fact]
    public void An_empty_form_shows_every_required_field_at_once()
    {
        var (registration, errors) = Read(new CardActionData());

        Assert.Null(registration);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["establishmentId"] = "required",
                ["languages"] = "required",
                ["cancerTypes"] = "required",
                ["ageBand"] = "required",
                ["modalities"] = "required",
                ["capacity"] = "required",
            },
            errors);
    }

    [Theory]
    [InlineData("establishmentId")]
    [InlineData("languages")]
    [InlineData("cancerTypes")]
    [InlineData("ageBand")]
    [InlineData("modalities")]
    [InlineData("capacity")]
    public void A_field_left_blank_is_required(string id)
    {
        Assert.Equal(Error(id, "required"), OnlyError(With(RegistrationForm(), id, "  ")));
    }

    [Theory]
    [InlineData("languages")]
    [InlineData("cancerTypes")]
    [InlineData("modalities")]
    public void A_multiple_choice_made_only_of_commas_is_required(string id)
    {
        Assert.Equal(Error(id, "required"), OnlyError(With(RegistrationForm(), id, ",,")));
    }

    [Theory]
    [InlineData("establishmentId", "E9")]
    [InlineData("languages", "fr,klingon")]
    [InlineData("cancerTypes", "lung")]
    [InlineData("ageBand", "30-40")]
    [InlineData("modalities", "phone,email")]
    public void A_value_outside_the_choices_is_an_invalid_choice(string id, string value)
    {
        Assert.Equal(Error(id, "invalidChoice"), OnlyError(With(RegistrationForm(), id, value)));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData("3.0", 3)]
    [InlineData(" 4 ", 4)]
    [InlineData("+2", 2)]
    public void A_whole_capacity_from_1_to_10_is_read_as_sent_by_any_client(string text, int expected)
    {
        Assert.Equal(expected, Read(RegistrationForm() with { Capacity = text }).Registration?.Capacity);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("three")]
    [InlineData("1e1")]
    [InlineData("0.999")]
    public void A_capacity_that_is_not_a_whole_number_from_1_to_10_is_invalid(string text)
    {
        Assert.Equal(Error("capacity", "invalidCapacity"), OnlyError(RegistrationForm() with { Capacity = text }));
    }

    [Fact]
    public void A_capacity_with_a_decimal_comma_is_not_read_as_ten_times_more()
    {
        Assert.Equal(Error("capacity", "invalidCapacity"), OnlyError(RegistrationForm() with { Capacity = "1,0" }));
    }

    [Fact]
    public void Every_error_code_is_one_the_cards_can_show()
    {
        var (_, errors) = Read(new CardActionData
        {
            EstablishmentId = "E9", Languages = "klingon", CancerTypes = "", AgeBand = "30-40", Modalities = "email", Capacity = "99",
        });

        Assert.Equal(6, errors.Count);
        Assert.All(errors.Values, code => Assert.Contains(code, Vocabulary.ErrorCodes));
    }

    private static CardActionData With(CardActionData data, string id, string value) => id switch
    {
        "establishmentId" => data with { EstablishmentId = value },
        "languages" => data with { Languages = value },
        "cancerTypes" => data with { CancerTypes = value },
        "ageBand" => data with { AgeBand = value },
        "modalities" => data with { Modalities = value },
        "capacity" => data with { Capacity = value },
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };
}
