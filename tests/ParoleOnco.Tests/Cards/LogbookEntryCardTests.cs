using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class LogbookEntryCardTests
{
    [Fact]
    public void A_saved_entry_shows_its_facts_to_the_ap()
    {
        var text = CardTree.Of(CardSamples.Build("logbook-saved-escalated-shared", "fr-CA")).Text();

        Assert.Contains("14 mars 2026", text);
        Assert.Contains("Téléphone", text);
        Assert.Contains("45 min", text);
        Assert.Contains("Soutien émotionnel, Navigation dans le réseau de la santé", text);
        Assert.Contains("21 mars 2026", text);
        Assert.Contains("12,50 $", text);
        Assert.Contains("18 km", text);
        Assert.Contains(CardSamples.AttentionReason, text);
    }

    [Fact]
    public void A_saved_entry_says_the_coordinators_were_told_at_once_only_when_escalated()
    {
        Assert.Contains("the coordinators were told at once", CardTree.Of(CardSamples.Build("logbook-saved-escalated-shared", "en")).Text());
        Assert.DoesNotContain("told at once", CardTree.Of(CardSamples.Build("logbook-saved", "en")).Text());
    }

    [Fact]
    public void A_saved_entry_says_it_went_to_the_referring_clinician_only_when_shared()
    {
        Assert.Contains("sent to Dre Julie Gagnon, the referring clinician", CardTree.Of(CardSamples.Build("logbook-saved-escalated-shared", "en")).Text());
        Assert.DoesNotContain("Dre Julie Gagnon", CardTree.Of(CardSamples.Build("logbook-saved", "en")).Text());
    }

    [Fact]
    public void A_saved_entry_offers_to_write_another_one()
    {
        var open = CardTree.Of(CardSamples.Build("logbook-saved", "en")).Executes().Single();

        Assert.Equal(("Write another entry", CardVerbs.LogbookOpen), ((string?)open["title"], (string?)open["verb"]));
        Assert.Equal(CardSamples.Referral().Id.ToString(), (string?)open["data"]!["referralId"]);
    }

    [Theory]
    [InlineData("reminder-first-contact", "You accepted to accompany QC-7F3K9 on {{DATE(2026-03-14T19:09:26Z,SHORT)}}. A first contact within 48 hours helps")]
    [InlineData("reminder-planned-contact", "You planned a contact with QC-7F3K9 today: how did it go?")]
    [InlineData("reminder-overdue", "No logbook entry yet for QC-7F3K9 since {{DATE(2026-03-14T19:09:26Z,SHORT)}}. No worries")]
    public void A_reminder_prompts_gently_and_opens_the_logbook(string name, string prompt)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "en"));
        var open = tree.Executes().Single();

        Assert.Contains(prompt, tree.Text());
        Assert.Equal(CardVerbs.LogbookOpen, (string?)open["verb"]);
        Assert.Equal(CardSamples.Referral().Id.ToString(), (string?)open["data"]!["referralId"]);
    }

    [Fact]
    public void The_first_contact_delay_follows_the_configuration()
    {
        var card = LogbookCards.Reminder(ReminderCardKind.FirstContact, CardSamples.AcceptedReferral(), CardSamples.At, CardSamples.French, firstContactHours: 72);

        Assert.Contains("Un premier contact dans les 72 heures", CardTree.Of(card).Text());
    }

    [Fact]
    public void A_shared_summary_tells_the_clinician_who_when_how_and_how_long()
    {
        var text = CardTree.Of(CardSamples.Build("shared-summary", "fr-CA")).Text();

        Assert.Contains("QC-7F3K9", text);
        Assert.Contains("R-0042", text);
        Assert.Contains("Louise Bergeron", text);
        Assert.Contains("14 mars 2026", text);
        Assert.Contains("Téléphone", text);
        Assert.Contains("45 min", text);
    }

    [Fact]
    public void A_shared_summary_never_shows_the_attention_reason_nor_the_expenses()
    {
        var entry = CardSamples.Entry(escalated: true, shared: true);

        var json = LogbookCards.SharedSummary(entry, CardSamples.English).ToJson();

        Assert.DoesNotContain(CardSamples.AttentionReason, json);
        Assert.DoesNotContain("12.50", json);
        Assert.DoesNotContain("km", json);
    }

    [Theory]
    [InlineData("fr-CA", "tapez **dossier QC-7F3K9**")]
    [InlineData("en", "type **file QC-7F3K9**")]
    public void A_shared_summary_is_literal_text_and_points_to_the_file_sheet(string culture, string command)
    {
        var tree = CardTree.Of(CardSamples.Build("shared-summary", culture));

        Assert.Equal(CardSamples.Summary, (string?)tree.OfType("TextRun").Single()["text"]);
        Assert.DoesNotContain(tree.OfType("TextBlock"), b => ((string?)b["text"])!.Contains("[lien]"));
        Assert.Contains(command, tree.Text());
    }

    [Fact]
    public void The_file_sheet_lists_the_shared_summaries_newest_first_one_block_each()
    {
        var tree = CardTree.Of(CardSamples.Build("file-sheet", "fr-CA"));
        var blocks = tree.Body.Where(e => (string?)e!["type"] == "Container").Select(CardTree.Of).ToList();

        Assert.Equal(
            ["2026-03-21 — Louise Bergeron — En personne — 60 min", "2026-03-14 — Louise Bergeron — Visioconférence — 45 min", "2026-03-07 — Louise Bergeron — Téléphone — 30 min"],
            blocks.Select(b => (string?)b.OfType("TextBlock").Single()["text"]));
        Assert.Equal(CardSamples.Summary, (string?)blocks[1].OfType("TextRun").Single()["text"]);
        Assert.Null(blocks[1].OfType("TextRun").Single()["italic"]);
    }

    [Fact]
    public void Without_shared_summaries_the_file_sheet_says_none_was_shared_yet()
    {
        Assert.Contains("No summary has been shared with the care team for this patient yet.",
            CardTree.Of(CardSamples.Build("file-sheet-empty", "en")).Text());
    }

    [Fact]
    public void A_long_file_sheet_shows_the_newest_within_the_card_budget_and_says_how_many_it_shows()
    {
        var tree = CardTree.Of(CardSamples.Build("file-sheet-long", "en"));
        var shown = tree.Body.Count(e => (string?)e!["type"] == "Container");

        Assert.InRange(shown, 1, 19);
        Assert.Contains($"Showing the {shown} most recent of 30 summaries.", tree.Text());
        Assert.StartsWith("2026-01-30 — ", (string?)tree.Body.First(e => (string?)e!["type"] == "Container")!["items"]![0]!["text"]);
    }
}
