using ParoleOnco.Teams;
using ParoleOnco.Tests.Cards;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Outbox cards go out with their message key inside (<see cref="CardAttachments.Marked"/>), so Graph can find them
/// again: marked, every card must still pass Microsoft's Adaptive Card parser, and the key must read back.
/// </summary>
public sealed class MarkedCardValidationTests
{
    private const string Key = "referral/0f8fad5bd9cb469fa16570867728950e/channel";

    [Fact]
    public void The_message_key_a_card_carries_reads_back_from_its_JSON_and_nothing_else_passes_for_one()
    {
        var marked = CardAttachments.Marked(CardSamples.Build(CardSamples.All.Keys.First(), "fr-CA").ToJson(), Key);

        Assert.Equal(Key, CardAttachments.KeyIn(marked.ToString()));
        Assert.Null(CardAttachments.KeyIn(CardSamples.Build(CardSamples.All.Keys.First(), "fr-CA").ToJson()));
        Assert.Null(CardAttachments.KeyIn("<p>not a card</p>"));
        Assert.Null(CardAttachments.KeyIn("""{"type":"AdaptiveCard","body":"text"}"""));
    }

    [SkippableFact]
    public void Every_card_marked_for_delivery_passes_the_official_adaptive_card_parser_with_zero_findings()
    {
        var folder = OfficialCardParser.WriteEverySample(
            Path.Combine(AppContext.BaseDirectory, "marked-cards-out"), json => CardAttachments.Marked(json, Key).ToString());

        OfficialCardParser.AssertEverySamplePasses(folder);
    }
}
