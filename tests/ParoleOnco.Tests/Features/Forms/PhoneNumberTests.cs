using ParoleOnco.Cards.Building;
using ParoleOnco.Features.Forms;

namespace ParoleOnco.Tests.Features.Forms;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("514-555-1234")]
    [InlineData("+1 (514) 555-1234")]
    [InlineData("1 514 555 1234")]
    [InlineData("(514) 555-1234")]
    [InlineData("514.555.1234")]
    [InlineData("5145551234")]
    [InlineData("15145551234")]
    [InlineData("+15145551234")]
    [InlineData("1-514-555-1234")]
    [InlineData("  514 555 1234  ")]
    public void A_North_American_number_written_the_usual_ways_becomes_E164(string text)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal("+15145551234", e164);
    }

    [Theory]
    [InlineData("819-555-0199", "+18195550199")]
    [InlineData("(418) 200-9999", "+14182009999")]
    public void Other_area_codes_keep_their_digits(string text, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("555-1234")]
    [InlineData("514-555-123")]
    [InlineData("514-555-12345")]
    [InlineData("2 514 555 1234")]
    [InlineData("011 33 1 23 45 67 89")]
    [InlineData("011-514-555-1234")]
    [InlineData("+44 20 7946 0958")]
    public void A_number_without_exactly_ten_digits_after_the_country_code_is_invalid(string text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal("", e164);
    }

    [Theory]
    [InlineData("514-555-CALL")]
    [InlineData("514-555-1234 x22")]
    [InlineData("514-555-1234 poste 22")]
    [InlineData("514/555/1234")]
    [InlineData("514_555_1234")]
    public void Letters_and_other_symbols_make_the_number_invalid(string text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out _));
    }

    [Theory]
    [InlineData("014-555-1234")]
    [InlineData("114-555-1234")]
    [InlineData("1 014 555 1234")]
    [InlineData("+1 (114) 555-1234")]
    public void An_area_code_starting_with_0_or_1_is_invalid(string text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out _));
    }

    [Theory]
    [InlineData("514-055-1234")]
    [InlineData("514-155-1234")]
    public void An_exchange_starting_with_0_or_1_is_invalid(string text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+-().")]
    public void No_digits_is_invalid(string? text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal("", e164);
    }

    [Fact]
    public void A_stored_number_normalizes_to_itself()
    {
        Assert.True(PhoneNumber.TryNormalize("+15145551234", out var again));
        Assert.Equal("+15145551234", again);
    }

    [Fact]
    public void A_number_copied_from_a_card_reads_back_as_the_stored_one()
    {
        Assert.True(PhoneNumber.TryNormalize(PhoneDisplay.Text("+15145551234"), out var e164));
        Assert.Equal("+15145551234", e164);
    }

    [Theory]
    [InlineData("٥١٤-٥٥٥-١٢٣٤")]
    [InlineData("５１４-５５５-１２３４")]
    public void Digits_other_than_0_to_9_never_reach_the_stored_number(string text)
    {
        var valid = PhoneNumber.TryNormalize(text, out var e164);

        Assert.True(!valid || e164 == "+15145551234", $"stored '{e164}'");
    }

    [Theory]
    [InlineData("514\u00A0555\u00A01234")]
    [InlineData("514-555-1234\t")]
    [InlineData("\u00A0514-555-1234")]
    public void Tabs_and_non_breaking_spaces_separate_digits_like_spaces(string text)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal("+15145551234", e164);
    }
}
