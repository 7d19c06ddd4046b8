using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Clinicians forget the program exists: on the first of each month (9:00 in Quebec) every clinician who referred in the
/// last 12 months gets a digest of the APs who can take a patient now, with the referral form one click away; never APs,
/// never anyone who opted out.
/// </summary>
public abstract class NudgeTests(Func<Task<TestDatabase>> database)
{
    // The harness's clock starts on 2026-11-26 at 14:00 UTC; the digest is due on 2026-12-01 at 9:00 in Montreal.
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task A_clinician_who_referred_gets_the_digest_on_the_first_of_the_month_with_the_aps_who_can_take_a_patient()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);
        await world.ApprovedApAsync(world.Ap, capacity: 2);

        // A send put off on a slow machine is retried on the test clock, which may run on for up to an hour: two hours
        // before the run, the digest cannot have come yet.
        await world.AdvanceToAsync(FirstOfDecember - TimeSpan.FromHours(2));

        await world.DeliverAllAsync();
        Assert.Empty(Digests(world, world.Clinician));
        await world.AdvanceToAsync(FirstOfDecember);
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        var digest = Assert.Single(Digests(world, world.Clinician));
        Assert.Contains(string.Format(CardTexts.Get("NudgeAvailableOne", "fr-CA"), 1, "CHUM"), CardQuery.Text(digest));
        Assert.True(CardQuery.HasVerb(digest, CardVerbs.ReferralOpen));
        Assert.Empty(Digests(world, world.OtherClinician)); // never referred
    }

    [SkippableFact]
    public async Task The_digest_says_how_often_the_aps_of_the_clinicians_patients_were_thanked_in_the_month()
    {
        await using var world = await World.StartAsync(database);
        await world.AcceptedReferralAsync();
        var status = world.CallsTo(world.Clinician.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.ReferralThank));
        var thank = CardQuery.ActionData(status.Card!, CardVerbs.ReferralThank)!.DeepClone().AsObject();
        thank["message"] = "Merci pour votre écoute.";
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralThank, thank, World.Personal, "status");

        await world.AdvanceToAsync(FirstOfDecember);
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock
        await world.AdvanceToAsync(FirstOfDecember.AddMonths(1));
        await world.DeliverAllAsync();

        var digests = Digests(world, world.Clinician);
        Assert.Equal(2, digests.Count);
        Assert.Contains(CardTexts.Get("NudgeThanksOne", "fr-CA"), CardQuery.Text(digests[0]));
        Assert.DoesNotContain(CardTexts.Get("NudgeThanksOne", "fr-CA"), CardQuery.Text(digests[1])); // thanked more than a month before
    }

    [SkippableFact]
    public async Task The_digest_follows_the_clinicians_language()
    {
        await using var world = await World.StartAsync(database, locale: "en");
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);

        await world.AdvanceToAsync(FirstOfDecember);

        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        Assert.Contains(CardTexts.Get("NudgeWhatAnApIs", "en"), CardQuery.Text(Assert.Single(Digests(world, world.Clinician))));
    }

    [SkippableFact]
    public async Task An_ap_who_once_referred_gets_no_digest()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.OtherClinician);
        await world.ApprovedApAsync(world.OtherClinician);

        await world.AdvanceToAsync(FirstOfDecember);

        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        Assert.Empty(Digests(world, world.OtherClinician));
    }

    [SkippableFact]
    public async Task Refer_a_patient_opens_the_referral_form_in_place_of_the_digest()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);
        await world.AdvanceToAsync(FirstOfDecember);
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        var form = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralOpen, new JsonObject(), World.Personal, "digest");

        Assert.True(CardQuery.HasVerb(form, CardVerbs.ReferralSubmit));
    }

    [SkippableFact]
    public async Task Opting_out_holds_across_a_restart_until_the_clinician_turns_the_reminders_back_on()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);
        await world.AdvanceToAsync(FirstOfDecember);
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        var optedOut = await world.Teams.ClickAsync(world.Clinician, CardVerbs.NudgesOptOut, new JsonObject(), World.Personal, "digest");
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.NudgesOptOut, new JsonObject(), World.Personal, "digest");
        await world.RestartBotAsync();
        await world.AdvanceToAsync(FirstOfDecember.AddMonths(1));
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock
        Assert.Contains(CardTexts.Get("NudgeOptedOut", "fr-CA"), CardQuery.Text(optedOut));
        Assert.Single(Digests(world, world.Clinician));

        await world.Teams.SayAsync(world.Clinician, "rappels oui", World.Personal);
        await world.AdvanceToAsync(FirstOfDecember.AddMonths(2));
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        Assert.Equal(2, Digests(world, world.Clinician).Count);
        var audited = await world.QueryAsync(db => db.AuditEntries.Where(e => e.ActorAadObjectId == world.Clinician.AadObjectId && e.Action.StartsWith("nudges.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["nudges.optOut", "nudges.optIn"], audited);
    }

    [SkippableFact]
    public async Task Each_run_sends_one_digest_per_clinician_however_many_referrals_and_plans_the_next()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);
        await world.SubmitReferralAsync(world.Clinician);

        await world.AdvanceToAsync(FirstOfDecember);

        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock
        await world.AdvanceToAsync(FirstOfDecember.AddMonths(1));
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        Assert.Equal(2, Digests(world, world.Clinician).Count);
        var pending = await world.QueryAsync(db => db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.NudgeDigest && r.Status == ReminderStatus.Pending).ToListAsync());
        Assert.Equal(FirstOfDecember.AddMonths(2), Assert.Single(pending).DueAt);
    }

    internal static List<JsonNode> Digests(World world, TestUser clinician) =>
        [.. world.CallsTo(clinician.PersonalConversationId)
            .Where(c => c.Method == "POST" && c.Card is not null && CardQuery.HasVerb(c.Card, CardVerbs.NudgesOptOut))
            .Select(c => c.Card!)];
}

public sealed class NudgesOnSqlite() : NudgeTests(Databases.Sqlite);

public sealed class NudgesOnPostgres() : NudgeTests(Databases.Postgres);
