using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Matching;

/// <summary>Which APs a referral's suggestions are drawn from, and how busy each is: the part of matching the database answers.</summary>
public abstract class CandidatesTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task An_AP_who_already_declined_this_patient_is_not_suggested_again()
    {
        await using var store = await Store.OpenAsync(database);
        var referral = SubmittedReferral();
        var declined = Ap("Anne", cancerTypes: ["breast"]);
        var other = Ap("Zoé");
        await store.AddAsync(declined, other);
        await store.AddAsync(Answered(referral.Id, declined.Id, accept: false));

        var suggestions = await store.SuggestAsync(referral);

        Assert.Equal(["Zoé"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task An_AP_who_declined_another_patient_is_still_suggested_for_this_one()
    {
        await using var store = await Store.OpenAsync(database);
        var referral = SubmittedReferral();
        var ap = Ap("Anne");
        await store.AddAsync(ap);
        await store.AddAsync(Answered(Guid.NewGuid(), ap.Id, accept: false));

        var suggestions = await store.SuggestAsync(referral);

        Assert.Equal(["Anne"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task APs_of_another_establishment_are_not_suggested()
    {
        await using var store = await Store.OpenAsync(database);
        var referral = SubmittedReferral();
        var elsewhere = Ap("Anne", cancerTypes: ["breast"], languages: ["fr"]);
        elsewhere.EstablishmentId = "E2";
        await store.AddAsync(elsewhere, Ap("Zoé"));

        var suggestions = await store.SuggestAsync(referral);

        Assert.Equal(["Zoé"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task Offered_and_accepted_patients_count_as_active_and_declined_ones_do_not()
    {
        await using var store = await Store.OpenAsync(database);
        var ap = Ap("Anne", capacity: 5);
        var idle = Ap("Zoé");
        await store.AddAsync(ap, idle);
        await store.AddAsync(
            Offered(Guid.NewGuid(), ap.Id),
            Answered(Guid.NewGuid(), ap.Id, accept: true),
            Answered(Guid.NewGuid(), ap.Id, accept: false),
            Answered(Guid.NewGuid(), idle.Id, accept: false));

        var active = await store.Candidates.ActivePatientsAsync([ap.Id, idle.Id], default);

        Assert.Equal(2, active[ap.Id]);
        Assert.False(active.ContainsKey(idle.Id));
    }

    [SkippableFact]
    public async Task An_AP_whose_capacity_is_taken_by_other_patients_is_not_suggested()
    {
        await using var store = await Store.OpenAsync(database);
        var referral = SubmittedReferral();
        var full = Ap("Anne", cancerTypes: ["breast"], capacity: 2);
        await store.AddAsync(full, Ap("Zoé"));
        await store.AddAsync(Offered(Guid.NewGuid(), full.Id), Answered(Guid.NewGuid(), full.Id, accept: true));

        var suggestions = await store.SuggestAsync(referral);

        Assert.Equal(["Zoé"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task A_paused_AP_is_not_suggested_however_well_they_match()
    {
        await using var store = await Store.OpenAsync(database);
        var paused = Ap("Zoé", cancerTypes: ["breast"], languages: ["fr"]);
        paused.Pause();
        await store.AddAsync(paused, Ap("Anne"));

        var suggestions = await store.SuggestAsync(SubmittedReferral());

        Assert.Equal(["Anne"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task An_AP_who_resumed_is_suggested_again()
    {
        await using var store = await Store.OpenAsync(database);
        var resumed = Ap("Zoé");
        resumed.Pause();
        resumed.Resume();
        await store.AddAsync(resumed);

        var suggestions = await store.SuggestAsync(SubmittedReferral());

        Assert.Equal(["Zoé"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableTheory]
    [InlineData(ApStatus.Pending)]
    [InlineData(ApStatus.Rejected)]
    public async Task An_AP_not_approved_is_not_suggested(ApStatus status)
    {
        await using var store = await Store.OpenAsync(database);
        await store.AddAsync(Ap("Zoé", cancerTypes: ["breast"], languages: ["fr"], status: status), Ap("Anne"));

        var suggestions = await store.SuggestAsync(SubmittedReferral());

        Assert.Equal(["Anne"], suggestions.Select(s => s.Candidate.Name));
    }

    [SkippableFact]
    public async Task A_suggestion_carries_the_AP_s_active_patients()
    {
        await using var store = await Store.OpenAsync(database);
        var referral = SubmittedReferral();
        var ap = Ap("Anne", capacity: 4);
        await store.AddAsync(ap);
        await store.AddAsync(Offered(Guid.NewGuid(), ap.Id));

        var suggestion = Assert.Single(await store.SuggestAsync(referral));

        Assert.Equal(1, suggestion.Candidate.ActivePatients);
        Assert.Equal(Matcher.Score(referral.Profile, Candidate(ap, 1)).Score, suggestion.Score);
    }

    [SkippableFact]
    public async Task A_suggestion_carries_the_AP_s_latest_offer_whatever_they_answered()
    {
        await using var store = await Store.OpenAsync(database);
        var ap = Ap("Anne", capacity: 4);
        var never = Ap("Zoé");
        await store.AddAsync(ap, never);
        await store.AddAsync(Offered(Guid.NewGuid(), ap.Id, At.AddDays(-12)), Offered(Guid.NewGuid(), ap.Id, At.AddDays(-30)), Declined(Guid.NewGuid(), ap.Id, At.AddDays(-2)));

        var suggestions = (await store.SuggestAsync(SubmittedReferral())).ToDictionary(s => s.Candidate.Name);

        Assert.Equal(At.AddDays(-2), suggestions["Anne"].Candidate.LastOfferedAt);
        Assert.Null(suggestions["Zoé"].Candidate.LastOfferedAt);
    }

    [SkippableFact]
    public async Task The_database_counts_the_patients_that_use_capacity_as_the_domain_does()
    {
        await using var store = await Store.OpenAsync(database);
        var ap = Ap("Anne", capacity: 10);
        var closed = Answered(Guid.NewGuid(), ap.Id, accept: true);
        closed.Close();
        Assignment[] assignments =
        [
            Offered(Guid.NewGuid(), ap.Id), Answered(Guid.NewGuid(), ap.Id, accept: true),
            Answered(Guid.NewGuid(), ap.Id, accept: false), closed,
        ];
        await store.AddAsync(ap);
        await store.AddAsync(assignments);

        var suggestion = Assert.Single(await store.SuggestAsync(SubmittedReferral()));

        Assert.Equal(assignments.Count(a => a.UsesCapacity), suggestion.Candidate.ActivePatients);
        Assert.Equal(2, suggestion.Candidate.ActivePatients);
    }

    [SkippableFact]
    public async Task The_database_offers_the_APs_the_domain_calls_available()
    {
        await using var store = await Store.OpenAsync(database);
        var resumed = Ap("Anne");
        resumed.Pause();
        resumed.Resume();
        var paused = Ap("Berthe");
        paused.Pause();
        AccompanyingPatient[] aps = [Ap("Zoé"), resumed, paused, Ap("Pending", status: ApStatus.Pending), Ap("Rejected", status: ApStatus.Rejected)];
        await store.AddAsync(aps);

        var suggestions = await store.SuggestAsync(SubmittedReferral());

        Assert.Equal(aps.Where(a => a.IsAvailable).Select(a => a.Name).Order(), suggestions.Select(s => s.Candidate.Name).Order());
        Assert.Equal(2, suggestions.Count);
    }

    private static Assignment Offered(Guid referralId, Guid apId, DateTimeOffset? at = null) =>
        new() { Id = Guid.NewGuid(), ReferralId = referralId, ApId = apId, EstablishmentId = "E1", OfferedAt = at ?? At };

    private static Assignment Declined(Guid referralId, Guid apId, DateTimeOffset at)
    {
        var assignment = Offered(referralId, apId, at);
        assignment.Decline(at);
        return assignment;
    }

    private static Assignment Answered(Guid referralId, Guid apId, bool accept)
    {
        var assignment = Offered(referralId, apId);
        if (accept)
        {
            assignment.Accept(At);
        }
        else
        {
            assignment.Decline(At);
        }

        return assignment;
    }

    /// <summary>A migrated database of the provider under test; each read uses a fresh context, as each turn does.</summary>
    private sealed class Store(TestDatabase database) : IAsyncDisposable
    {
        private ParoleOncoDbContext? reader;

        public Candidates Candidates => new(reader ??= Context());

        public static async Task<Store> OpenAsync(Func<Task<TestDatabase>> create)
        {
            var store = new Store(await create());
            await using var db = store.Context();
            await db.Database.MigrateAsync();
            return store;
        }

        public async Task AddAsync(params object[] entities)
        {
            await using var db = Context();
            db.AddRange(entities);
            await db.SaveChangesAsync();
        }

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(ParoleOnco.Features.Referrals.Referral referral) =>
            Candidates.SuggestAsync(referral, default);

        public async ValueTask DisposeAsync()
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await database.DisposeAsync();
        }

        private ParoleOncoDbContext Context() => database.Context();
    }
}

public sealed class CandidatesOnSqlite() : CandidatesTests(Databases.Sqlite);

public sealed class CandidatesOnPostgres() : CandidatesTests(Databases.Postgres);
