using ParoleOnco.Cards.Building;

namespace ParoleOnco.Tests.Cards;

public class PhoneDisplayTests
{
    [Theory]
    [InlineData("+15145550142", "514 555-0142")]
    [InlineData("+18195550100", "819 555-0100")]
    public void A_North_American_number_is_shown_as_people_there_write_it(string stored, string shown)
    {
        Assert.Equal(shown, PhoneDisplay.Text(stored));
    }

    [Theory]
    [InlineData("+33123456789", "+33 123 456 789")]
    [InlineData("+441234567890", "+44 123 456 7890")]
    [InlineData("+74951234567", "+7 495 123 4567")]
    [InlineData("+35312345678", "+353 123 456 78")]
    public void Another_country_s_number_keeps_a_readable_international_form(string stored, string shown)
    {
        Assert.Equal(shown, PhoneDisplay.Text(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("514 555-0199")]
    [InlineData("+1 514 555 0199")]
    [InlineData("+0123456789")]
    public void What_is_not_an_E164_number_is_shown_as_it_is(string value)
    {
        Assert.Equal(value, PhoneDisplay.Text(value));
    }

    [Theory]
    [InlineData("+15145550142")]
    [InlineData("+33123456789")]
    public void The_tel_link_dials_the_stored_E164(string stored)
    {
        Assert.Equal("tel:" + stored, PhoneDisplay.TelUrl(stored));
    }
}
