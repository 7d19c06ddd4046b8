using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Nothing is kept longer than the program needs: a daily purge on the persistent schedule erases contact data 30 days
/// after an accompaniment ends, free text after a year, bookkeeping after 30 days and audit rows after seven years;
/// an admin erases a patient's data on request.
/// </summary>
public abstract class RetentionTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task Contact_data_is_erased_thirty_days_after_the_accompaniment_ended_and_not_before()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await ClosedAccompanimentAsync(world);
        var open = await world.SubmitReferralAsync(world.OtherClinician);

        await world.AdvanceAsync(TimeSpan.FromDays(29));
        Assert.NotEqual(PatientDataProtector.Erased, (await ReferralAsync(world, referralId)).ProtectedPhone);

        await world.AdvanceAsync(TimeSpan.FromDays(2));
        var closed = await ReferralAsync(world, referralId);
        Assert.Equal((PatientDataProtector.Erased, (string?)null), (closed.ProtectedPhone, closed.ProtectedNote));
        Assert.Equal("CHUM-0042", closed.PatientCode);
        Assert.NotEqual(PatientDataProtector.Erased, (await ReferralAsync(world, open)).ProtectedPhone);
    }

    [SkippableFact]
    public async Task Free_text_goes_after_a_year_while_the_figures_stay_and_bookkeeping_and_old_audit_rows_go_too()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await ClosedAccompanimentAsync(world, withEntry: true);

        await world.AdvanceAsync(TimeSpan.FromDays(364));
        Assert.NotEqual(PatientDataProtector.Erased, (await world.QueryAsync(db => db.LogbookEntries.AsNoTracking().SingleAsync())).ProtectedSummary);
        Assert.Equal(0, await world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered && m.Key.StartsWith("referral/")))); // the month's reminder to refer is younger

        await world.AdvanceAsync(TimeSpan.FromDays(2));
        var entry = await world.QueryAsync(db => db.LogbookEntries.AsNoTracking().SingleAsync());
        Assert.Equal((PatientDataProtector.Erased, 25, "phone"), (entry.ProtectedSummary, entry.DurationMinutes, entry.Modality));
        Assert.Equal(0, await world.QueryAsync(db => db.PostedCards.CountAsync(p => p.Key.StartsWith($"referral/{Guid.Parse(referralId):N}/"))));
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync()));

        await world.AdvanceAsync(TimeSpan.FromDays(7 * 365));
        Assert.False(await world.QueryAsync(db => db.AuditEntries.AnyAsync()));
        Assert.Equal(ReferralStatus.Closed, (await ReferralAsync(world, referralId)).Status);
    }

    [SkippableFact]
    public async Task The_purge_runs_once_a_day_and_one_run_is_always_planned()
    {
        await using var world = await World.StartAsync(database);

        await world.AdvanceAsync(TimeSpan.FromDays(1));
        await world.AdvanceAsync(TimeSpan.FromDays(1));
        await world.AdvanceAsync(TimeSpan.FromDays(1));

        var runs = await world.QueryAsync(db => db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.RetentionPurge).ToListAsync());
        Assert.Equal(3, runs.Count(r => r.Status == ReminderStatus.Done));
        Assert.Single(runs, r => r.Status == ReminderStatus.Pending);
    }

    [SkippableFact]
    public async Task The_database_refuses_a_second_pending_run_of_the_same_periodic_work()
    {
        await using var world = await World.StartAsync(database);

        await Assert.ThrowsAsync<DbUpdateException>(() => world.QueryAsync(db =>
        {
            new ReminderSchedule(db).AddPeriodic(ReminderKind.RetentionPurge, "retention", world.Clock.GetUtcNow());
            return db.SaveChangesAsync();
        }));
    }

    [SkippableFact]
    public async Task An_admin_erases_a_patients_data_on_request_once_the_accompaniment_ended_leaving_a_tombstone()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();

        await world.Teams.SayAsync(world.Admin, "effacer chum-0042", World.Personal);
        Assert.Contains(ReferralPresenter.Number(Guid.Parse(referralId)), CardQuery.Text(world.LastCallTo(world.Admin.PersonalConversationId).Card!));
        await CloseAsync(world, referralId);
        await world.Teams.SayAsync(world.Admin, "erase CHUM-0042", World.Personal);
        var confirm = world.LastCallTo(world.Admin.PersonalConversationId).Card!;
        Assert.Equal("CHUM-0042", CardQuery.ActionData(confirm, CardVerbs.EraseConfirm)!["patientCode"]!.GetValue<string>());

        var done = await world.Teams.ClickAsync(world.Admin, CardVerbs.EraseConfirm, new JsonObject { ["patientCode"] = "CHUM-0042" }, World.Personal, "erase");
        var again = await world.Teams.ClickAsync(world.Admin, CardVerbs.EraseConfirm, new JsonObject { ["patientCode"] = "CHUM-0042" }, World.Personal, "erase");

        Assert.Contains(CardTexts.Get("ErasureNothing", "fr-CA"), CardQuery.Text(again));
        Assert.DoesNotContain(CardTexts.Get("ErasureNothing", "fr-CA"), CardQuery.Text(done));
        var tombstone = await ReferralAsync(world, referralId);
        Assert.Equal((Referral.ErasedCode, PatientDataProtector.Erased, ReferralStatus.Closed), (tombstone.PatientCode, tombstone.ProtectedPhone, tombstone.Status));
        Assert.NotNull(tombstone.ErasedAt);
        var prefix = $"referral/{Guid.Parse(referralId):N}/";
        Assert.Equal(0, await world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Key.StartsWith(prefix))));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "patient.erase" && e.ActorAadObjectId == world.Admin.AadObjectId)));
    }

    [SkippableFact]
    public async Task Only_an_admin_in_their_chat_may_erase()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await CloseAsync(world, referralId);

        var card = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.EraseConfirm, new JsonObject { ["patientCode"] = "CHUM-0042" }, World.Personal, "erase");

        Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(card));
        Assert.Equal("CHUM-0042", (await ReferralAsync(world, referralId)).PatientCode);
    }

    private static async Task<string> ClosedAccompanimentAsync(World world, bool withEntry = false)
    {
        var referralId = await world.AcceptedReferralAsync();
        if (withEntry)
        {
            var form = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookOpen, new JsonObject { ["referralId"] = referralId }, World.Personal, "list");
            var data = CardQuery.ActionData(form, CardVerbs.LogbookSubmit)!.DeepClone().AsObject();
            (data["contactDate"], data["durationMinutes"], data["modality"], data["supportTypes"]) = ("2026-11-26", "25", "phone", "emotional");
            (data["summary"], data["needsClinicalAttention"], data["shareWithCareTeam"]) = ("Premier appel, tout va bien.", "false", "false");
            await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "logbook-form");
        }

        await CloseAsync(world, referralId);
        return referralId;
    }

    private static Task CloseAsync(World world, string referralId) =>
        world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose, new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed" }, World.Personal, "list");

    private static Task<Referral> ReferralAsync(World world, string id) =>
        world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(id)));
}

public sealed class RetentionOnSqlite() : RetentionTests(Databases.Sqlite);

public sealed class RetentionOnPostgres() : RetentionTests(Databases.Postgres);
