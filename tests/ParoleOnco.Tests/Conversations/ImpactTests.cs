using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Retention;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// APs said they never learn what their work gives: <c>impact</c> shows an approved AP their patients, contacts, hours,
/// support types and thanks, this month and since they started, counted by the program's own figure queries; on the
/// first of each month, every AP with something to show gets the month that just ended.
/// </summary>
public abstract class ImpactTests(Func<Task<TestDatabase>> database)
{
    // The harness's clock starts on 2026-11-26 at 14:00 UTC; the monthly card is due on 2026-12-01 at 10:00 in Montreal.
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
    private const string Message = "Merci pour votre écoute, ma patiente a repris confiance.";

    [SkippableTheory]
    [InlineData("fr-CA", "novembre 2026", "décembre 2026", "0,4", "0,5", "0,9")]
    [InlineData("en", "November 2026", "December 2026", "0.4", "0.5", "0.9")]
    public async Task Impact_counts_the_aps_own_patients_contacts_hours_and_thanks_this_month_and_since_they_started(
        string locale, string november, string december, string novemberHours, string decemberHours, string totalHours)
    {
        await using var world = await World.StartAsync(database, locale);
        var referralId = await world.AcceptedReferralAsync();
        await ThankAsync(world, Message);
        await LogAsync(world, world.Ap, referralId, "2026-11-26", 25, "emotional,informational");
        await SecondApAccompaniesAsync(world, minutes: 60);

        var november1 = await ImpactAsync(world, world.Ap);

        var text = CardQuery.Text(november1);
        Assert.Contains(string.Format(CardTexts.Get("ImpactActiveNow", locale), 1), text);
        Assert.Contains(string.Format(CardTexts.Get("ImpactThisMonth", locale), november), text);
        Assert.Contains(string.Format(CardTexts.Get("ImpactSinceStart", locale), november), text);
        Assert.Contains(Message, text);
        var novemberFigures = Figures(locale, 1, 1, novemberHours, [("emotional", 1), ("informational", 1)], 1);
        Assert.Equal([novemberFigures, novemberFigures], FactSets(november1));

        await world.AdvanceToAsync(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        await world.DeliverAllAsync();
        await LogAsync(world, world.Ap, referralId, "2026-12-02", 30, "emotional");

        var december2 = await ImpactAsync(world, world.Ap);

        Assert.Contains(string.Format(CardTexts.Get("ImpactThisMonth", locale), december), CardQuery.Text(december2));
        Assert.Contains(string.Format(CardTexts.Get("ImpactSinceStart", locale), november), CardQuery.Text(december2));
        Assert.Equal(
            [Figures(locale, 0, 1, decemberHours, [("emotional", 1)], 0), Figures(locale, 1, 2, totalHours, [("emotional", 2), ("informational", 1)], 1)],
            FactSets(december2));
    }

    [SkippableFact]
    public async Task Another_aps_impact_counts_only_their_own_accompaniment_in_their_language()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await ThankAsync(world, Message);
        await LogAsync(world, world.Ap, referralId, "2026-11-26", 25, "emotional,informational");
        await SecondApAccompaniesAsync(world, minutes: 60);

        var card = await ImpactAsync(world, world.SecondAp);

        var figures = Figures("en", 1, 1, "1", [("emotional", 1), ("informational", 1)], 0);
        Assert.Equal([figures, figures], FactSets(card));
        Assert.DoesNotContain(Message, CardQuery.Text(card));
    }

    [SkippableFact]
    public async Task An_ended_accompaniment_counts_as_ended_and_no_longer_as_active()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await LogAsync(world, world.Ap, referralId, "2026-11-26", 45, "navigational");
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose,
            new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed", ["satisfaction"] = "5" }, World.Personal, "list");

        var card = await ImpactAsync(world, world.Ap);

        Assert.Contains(string.Format(CardTexts.Get("ImpactActiveNow", "fr-CA"), 0), CardQuery.Text(card));
        var figures = Figures("fr-CA", 1, 1, "0,8", [("navigational", 1)], 0, closed: 1);
        Assert.Equal([figures, figures], FactSets(card));
    }

    [SkippableFact]
    public async Task An_erased_patients_thanks_still_counts_but_its_message_is_gone()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await ThankAsync(world, Message);

        await world.QueryAsync(db => RetentionPurge.EraseFreeTextAsync(db, db.Referrals.Where(r => r.Id == Guid.Parse(referralId)).Select(r => r.Id), default));
        var card = await ImpactAsync(world, world.Ap);

        Assert.DoesNotContain(Message, CardQuery.Text(card));
        Assert.DoesNotContain(CardTexts.Get("ImpactLatestThanks", "fr-CA"), CardQuery.Text(card));
        Assert.Equal("1", FactSets(card)[0][CardTexts.Get("ImpactThanks", "fr-CA")]);
    }

    [SkippableFact]
    public async Task Only_an_approved_ap_sees_an_impact_others_learn_what_it_is_for_and_an_ap_in_a_channel_where_to_ask()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        await world.RegisterApAsync(world.SecondAp); // pending

        await world.Teams.SayAsync(world.Clinician, "impact", World.Personal);
        await world.Teams.SayAsync(world.SecondAp, "impact", World.Personal);
        await world.Teams.SayAsync(world.Coordinator, "impact", World.E1Channel);
        var toClinician = CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!);
        var toPending = CardQuery.Text(world.LastCallTo(world.SecondAp.PersonalConversationId).Card!);
        var toCoordinator = CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!);
        await world.Teams.SayAsync(world.Ap, "impact", World.E1Channel);
        var toApInChannel = CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!);

        Assert.Contains(CardTexts.Get("ImpactForApprovedAps", "fr-CA"), toClinician);
        Assert.Contains(CardTexts.Get("ImpactForApprovedAps", "en"), toPending); // in their language
        Assert.Contains(CardTexts.Get("ImpactForApprovedAps", "fr-CA"), toCoordinator);
        Assert.Contains(CardTexts.Get("ImpactAskInPersonalChat", "fr-CA"), toApInChannel);
        Assert.DoesNotContain(CardTexts.Get("ImpactNewPatients", "fr-CA"), toApInChannel);
        var refusals = await world.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Outcome == AuditOutcomes.Refused).Select(e => new { e.ActorAadObjectId, e.Reason }).ToListAsync());
        Assert.Contains(refusals, r => r.ActorAadObjectId == world.Clinician.AadObjectId && r.Reason == Refusals.NotApprovedAp);
        Assert.Contains(refusals, r => r.ActorAadObjectId == world.Ap.AadObjectId && r.Reason == Refusals.WrongPlace);
    }

    [SkippableFact]
    public async Task On_the_first_of_the_month_each_ap_with_activity_gets_the_month_that_ended_and_an_ap_without_gets_nothing()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await ThankAsync(world, Message);
        await LogAsync(world, world.Ap, referralId, "2026-11-26", 25, "emotional,informational");
        await SecondApAccompaniesAsync(world, minutes: 60);
        var idle = TestUser.Create("Nadia Sans Activité", "fr-CA", 8);
        await world.ApprovedApAsync(idle);

        // A send put off on a slow machine is retried on the test clock, which may run on for up to an hour: two hours
        // before the run, the month's cards cannot have come yet.
        await world.AdvanceToAsync(FirstOfDecember - TimeSpan.FromHours(2));
        await world.DeliverAllAsync();
        Assert.Empty(Monthly(world, world.Ap));
        await world.AdvanceToAsync(FirstOfDecember);
        await world.DeliverAllAsync();

        var card = Assert.Single(Monthly(world, world.Ap));
        Assert.Contains(string.Format(CardTexts.Get("ImpactMonthlyTitle", "fr-CA"), "novembre 2026"), CardQuery.Text(card));
        Assert.Contains(Message, CardQuery.Text(card));
        Assert.Equal([Figures("fr-CA", 1, 1, "0,4", [("emotional", 1), ("informational", 1)], 1)], FactSets(card));
        var other = Assert.Single(Monthly(world, world.SecondAp));
        Assert.Contains(string.Format(CardTexts.Get("ImpactMonthlyTitle", "en"), "November 2026"), CardQuery.Text(other));
        Assert.Empty(Monthly(world, idle));

        await world.AdvanceToAsync(FirstOfDecember.AddMonths(1));
        await world.DeliverAllAsync();
        Assert.Single(Monthly(world, world.Ap)); // nothing in December
    }

    private static async Task<JsonNode> ImpactAsync(World world, TestUser ap)
    {
        await world.Teams.SayAsync(ap, "impact", World.Personal);
        return world.LastCallTo(ap.PersonalConversationId).Card!;
    }

    /// <summary>The referring clinician thanks the AP from the referral's status card.</summary>
    private static async Task ThankAsync(World world, string message)
    {
        var status = world.CallsTo(world.Clinician.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.ReferralThank));
        var thank = CardQuery.ActionData(status.Card!, CardVerbs.ReferralThank)!.DeepClone().AsObject();
        thank["message"] = message;
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralThank, thank, World.Personal, "status");
    }

    /// <summary>A contact logged through the logbook form, as the AP writes it.</summary>
    private static async Task LogAsync(World world, TestUser ap, string referralId, string date, int minutes, string supportTypes)
    {
        var form = await world.Teams.ClickAsync(ap, CardVerbs.LogbookOpen, new JsonObject { ["referralId"] = referralId }, World.Personal, "list");
        var data = CardQuery.ActionData(form, CardVerbs.LogbookSubmit)!.DeepClone().AsObject();
        data["contactDate"] = date;
        data["durationMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        data["modality"] = "phone";
        data["supportTypes"] = supportTypes;
        data["summary"] = "Appel de suivi.";
        data["needsClinicalAttention"] = "false";
        data["shareWithCareTeam"] = "false";
        data["parkingExpense"] = "";
        data["kilometres"] = "";
        var saved = await world.Teams.ClickAsync(ap, CardVerbs.LogbookSubmit, data, World.Personal, "logbook-form");
        Assert.False(CardQuery.HasVerb(saved, CardVerbs.LogbookSubmit), CardQuery.Text(saved));
    }

    /// <summary>The second AP accepts another patient of the same clinician and logs one contact with them.</summary>
    private static async Task SecondApAccompaniesAsync(World world, int minutes)
    {
        var apId = await world.ApprovedApAsync(world.SecondAp);
        var form = await world.ReferralFormAsync(world.Clinician);
        form["patientCode"] = "CHUM-0043";
        var referralId = await world.SubmitReferralAsync(world.Clinician, form);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "referral-card");
        var offer = world.CallsTo(world.SecondAp.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.AssignmentAccept));
        await world.Teams.ClickAsync(world.SecondAp, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, offer.ActivityId!);
        await LogAsync(world, world.SecondAp, referralId, "2026-11-26", minutes, "emotional,informational");
    }

    private static Dictionary<string, string> Figures(
        string locale, int newPatients, int contacts, string hours, (string Code, int Count)[] supportTypes, int thanks, int closed = 0)
    {
        var figures = new Dictionary<string, string>
        {
            [CardTexts.Get("ImpactNewPatients", locale)] = newPatients.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CardTexts.Get("ImpactClosed", locale)] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CardTexts.Get("ImpactContacts", locale)] = contacts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CardTexts.Get("ImpactHours", locale)] = hours,
            [CardTexts.Get("ImpactThanks", locale)] = thanks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (supportTypes.Length > 0)
        {
            figures[CardTexts.Get("ImpactSupportTypes", locale)] =
                string.Join(", ", supportTypes.Select(s => $"{CardTexts.Get($"SupportType_{s.Code}", locale)} ({s.Count})"));
        }

        return figures;
    }

    /// <summary>The card's fact sets in order, wherever they sit (a delivered card's body is inside its marker container).</summary>
    private static List<Dictionary<string, string>> FactSets(JsonNode card) =>
        [.. Elements(card["body"]!.AsArray())
            .Where(e => e["type"]?.GetValue<string>() == "FactSet")
            .Select(e => e["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>()))];

    private static IEnumerable<JsonObject> Elements(JsonArray items) =>
        items.OfType<JsonObject>().SelectMany(e => e["items"] is JsonArray inner ? Elements(inner) : [e]);

    internal static List<JsonNode> Monthly(World world, TestUser ap) =>
        [.. world.CallsTo(ap.PersonalConversationId)
            .Where(c => c.Method == "POST" && c.Card is not null
                && (CardQuery.Text(c.Card).Contains(CardTexts.Get("ImpactMonthlyMore", "fr-CA")) || CardQuery.Text(c.Card).Contains(CardTexts.Get("ImpactMonthlyMore", "en"))))
            .Select(c => c.Card!)];
}

public sealed class ImpactOnSqlite() : ImpactTests(Databases.Sqlite);

public sealed class ImpactOnPostgres() : ImpactTests(Databases.Postgres);
