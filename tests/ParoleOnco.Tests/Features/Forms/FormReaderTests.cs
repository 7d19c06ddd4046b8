using ParoleOnco.Features.Forms;

namespace ParoleOnco.Tests.Features.Forms;

public class FormReaderTests
{
    private static readonly string[] Colours = ["red", "green", "blue"];

    [Fact]
    public void A_new_reader_is_valid()
    {
        var form = new FormReader();

        Assert.True(form.IsValid);
        Assert.Empty(form.Errors);
    }

    [Fact]
    public void A_required_value_is_returned_trimmed()
    {
        var form = new FormReader();

        Assert.Equal("Marie", form.Required("name", "  Marie \t"));
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void A_required_value_left_blank_is_required_and_read_as_empty(string? value)
    {
        var form = new FormReader();

        Assert.Equal("", form.Required("name", value));
        Assert.False(form.IsValid);
        Assert.Equal("required", form.Errors["name"]);
    }

    [Fact]
    public void A_required_value_may_be_exactly_as_long_as_allowed()
    {
        var form = new FormReader();

        form.Required("code", "12345", maxLength: 5);
        form.Required("name", new string('x', 100));

        Assert.True(form.IsValid);
    }

    [Fact]
    public void A_required_value_longer_than_allowed_is_too_long_and_kept_as_typed()
    {
        var form = new FormReader();

        Assert.Equal("123456", form.Required("code", " 123456 ", maxLength: 5));
        Assert.Equal("tooLong", form.Errors["code"]);
    }

    [Fact]
    public void Required_values_allow_100_characters_unless_told()
    {
        var form = new FormReader();

        form.Required("name", new string('x', 101));

        Assert.Equal("tooLong", form.Errors["name"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_optional_value_left_blank_is_none_and_no_error(string? value)
    {
        var form = new FormReader();

        Assert.Null(form.Optional("note", value, 10));
        Assert.True(form.IsValid);
    }

    [Fact]
    public void An_optional_value_is_trimmed_and_its_length_counted_after_trimming()
    {
        var form = new FormReader();

        Assert.Equal("0123456789", form.Optional("note", "   0123456789   ", 10));
        Assert.True(form.IsValid);
    }

    [Fact]
    public void An_optional_value_longer_than_allowed_is_too_long()
    {
        var form = new FormReader();

        form.Optional("note", "01234567890", 10);

        Assert.Equal("tooLong", form.Errors["note"]);
    }

    [Fact]
    public void A_choice_among_the_allowed_codes_is_returned_trimmed()
    {
        var form = new FormReader();

        Assert.Equal("green", form.Choice("colour", " green ", Colours));
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("Green")]
    [InlineData("red,green")]
    public void A_choice_outside_the_allowed_codes_is_an_invalid_choice(string value)
    {
        var form = new FormReader();

        form.Choice("colour", value, Colours);

        Assert.Equal("invalidChoice", form.Errors["colour"]);
    }

    [Fact]
    public void A_missing_choice_is_required_not_invalid()
    {
        var form = new FormReader();

        form.Choice("colour", null, Colours);

        Assert.Equal("required", form.Errors["colour"]);
    }

    [Fact]
    public void Several_choices_come_back_in_the_allowed_order_without_blanks_or_duplicates()
    {
        var form = new FormReader();

        var codes = form.Choices("colours", " blue, ,red,blue,,", Colours);

        Assert.Equal(["red", "blue"], codes);
        Assert.True(form.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ,")]
    public void No_choice_at_all_is_required(string? value)
    {
        var form = new FormReader();

        Assert.Empty(form.Choices("colours", value, Colours));
        Assert.Equal("required", form.Errors["colours"]);
    }

    [Fact]
    public void One_unknown_code_among_several_makes_the_choices_invalid_and_keeps_the_known_ones()
    {
        var form = new FormReader();

        var codes = form.Choices("colours", "green,purple", Colours);

        Assert.Equal("invalidChoice", form.Errors["colours"]);
        Assert.Equal(["green"], codes);
    }

    [Fact]
    public void A_failed_check_records_its_code_and_a_passed_one_nothing()
    {
        var form = new FormReader();

        form.Check("consent", condition: true, "consentRequired");
        Assert.True(form.IsValid);

        form.Check("consent", condition: false, "consentRequired");
        Assert.Equal("consentRequired", form.Errors["consent"]);
    }

    [Fact]
    public void The_first_error_of_an_input_is_the_one_shown()
    {
        var form = new FormReader();

        form.Required("code", "", maxLength: 5);
        form.Fail("code", "invalidPatientCode");

        Assert.Equal("required", Assert.Single(form.Errors).Value);
    }

    [Fact]
    public void Errors_are_kept_per_input()
    {
        var form = new FormReader();

        form.Required("a", null);
        form.Fail("b", "invalidPhone");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "required", ["b"] = "invalidPhone" }, form.Errors);
    }
}
