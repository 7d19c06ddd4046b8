using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Infrastructure;

/// <summary>
/// Offers and logbook entries keep their referral's establishment (the figures count them without a join): rows
/// written before the column existed are given it by the migration, none left blank.
/// </summary>
public abstract class EstablishmentKeptTests(Func<Task<TestDatabase>> database)
{
    private const string BeforeEstablishmentKept = "Invitations"; // the migration before, by name: each provider has its own id
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Offers_and_logbook_entries_written_before_the_migration_take_their_referral_s_establishment()
    {
        await using var test = await database();
        var (inE1, inE2) = (Referral("E1"), Referral("E2"));
        await using (var db = test.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeEstablishmentKept);
            db.Referrals.AddRange(inE1, inE2);
            await db.SaveChangesAsync();
            foreach (var referral in new[] { inE1, inE2 })
            {
                await InsertOfferAndEntryAsync(db, test.Provider, referral.Id);
            }

            await db.Database.MigrateAsync();
        }

        await using var reader = test.Context();
        var offers = await reader.Assignments.Select(a => new { a.ReferralId, a.EstablishmentId }).ToListAsync();
        var entries = await reader.LogbookEntries.Select(e => new { e.ReferralId, e.EstablishmentId }).ToListAsync();

        Assert.Equal([(inE1.Id, "E1"), (inE2.Id, "E2")], offers.Select(o => (o.ReferralId, o.EstablishmentId)).OrderBy(o => o.EstablishmentId));
        Assert.Equal([(inE1.Id, "E1"), (inE2.Id, "E2")], entries.Select(e => (e.ReferralId, e.EstablishmentId)).OrderBy(e => e.EstablishmentId));
    }

    /// <summary>The rows as the former schema holds them, without an establishment; SQLite keeps instants as UTC ticks.</summary>
    private static async Task InsertOfferAndEntryAsync(ParoleOncoDbContext db, string provider, Guid referralId)
    {
        object at = provider == "Sqlite" ? At.UtcTicks : At;
        var (apId, offerId, entryId, formId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid().ToString("N"));
        var contactDate = DateOnly.FromDateTime(At.UtcDateTime);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "Assignments" ("Id", "ReferralId", "ApId", "OfferedAt", "Status") VALUES ({offerId}, {referralId}, {apId}, {at}, 'Offered')""");
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "LogbookEntries" ("Id", "FormId", "ReferralId", "ApId", "ContactDate", "DurationMinutes", "Modality", "SupportTypes",
                "ProtectedSummary", "NeedsClinicalAttention", "SharedWithCareTeam", "CreatedAt")
            VALUES ({entryId}, {formId}, {referralId}, {apId}, {contactDate}, 30, 'phone', 'emotional', 'protected', {false}, {false}, {at})
            """);
    }

    private static Referral Referral(string establishment) => new()
    {
        Id = Guid.NewGuid(),
        FormId = Guid.NewGuid().ToString("N"),
        PatientCode = "CHUM-0042",
        EstablishmentId = establishment,
        CancerType = "breast",
        AgeBand = "45-54",
        Language = "fr",
        Modality = "phone",
        Needs = ["emotional"],
        ProtectedPhone = "protected",
        ReferrerAadObjectId = "clinician-aad",
        ReferrerName = "Dre Gagnon",
        SubmittedAt = At.AddDays(-1),
    };
}

public sealed class EstablishmentKeptOnSqlite() : EstablishmentKeptTests(Databases.Sqlite);

public sealed class EstablishmentKeptOnPostgres() : EstablishmentKeptTests(Databases.Postgres);
