using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Tests.Features.Conversations;

public class CallerTests
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("fr-FR")]
    [InlineData("fr")]
    [InlineData("FR-ca")]
    [InlineData("fr-BE")]
    public void Any_French_locale_is_answered_in_Canadian_French(string locale)
    {
        Assert.Equal("fr-CA", Caller.CultureFor(locale).Name);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-CA")]
    [InlineData("es-MX")]
    [InlineData("ar-SA")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_locale_or_none_is_answered_in_English(string? locale)
    {
        Assert.Equal("en", Caller.CultureFor(locale).Name);
    }
}
