using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Tests.Features.Conversations;

public sealed class RecipientTests
{
    public static TheoryData<Recipient> Recipients => [new Recipient.Person("aad-1"), new Recipient.CoordinatorsOf("CHUM"), new Recipient.Community()];

    [Theory]
    [MemberData(nameof(Recipients))]
    public void Every_recipient_is_made_again_from_the_kind_and_id_the_outbox_stores(Recipient recipient) =>
        Assert.Equal(recipient, Recipient.Of(recipient.Kind, recipient.Id));

    [Fact]
    public void Only_an_establishments_coordinators_name_the_establishment_that_hears_of_failed_deliveries()
    {
        Assert.Equal("CHUM", new Recipient.CoordinatorsOf("CHUM").Establishment);
        Assert.Null(new Recipient.Person("aad-1").Establishment);
        Assert.Null(new Recipient.Community().Establishment);
    }
}
