using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Features.Reporting;

/// <summary>
/// A small program with known answers, in Quebec time (March 2026, E1 and E2). E1: r1 matched after 4 h, accepted
/// after 24 h, two contacts (phone 30 min, in person 60 min, $12.50 and 20.5 km), an escalation acknowledged in 30
/// min, closed "completed" with 5/5; r2 declined after 10 h; r3 matched to an AP who declined, matched again after
/// 24 h, accepted 47 h after (clocks move forward on 8 March), never contacted; r4 submitted at 23:30 on 28 February; r5 at 23:30 on 31 March,
/// waiting. E2: r6 declined after 2 h.
/// </summary>
internal sealed class SeededProgram : IAsyncDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    public const string Reason = "Hors critères";

    private SeededProgram(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(Local(4, 15, 12));

    public Guid R1 { get; } = Guid.NewGuid();

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public FigureQuery Query(ParoleOncoDbContext db, TimeProvider? clock = null) => new(db, Zone, clock ?? Clock, TimeSpan.FromHours(48));

    public static async Task<SeededProgram> CreateAsync(Func<Task<TestDatabase>> create)
    {
        var program = new SeededProgram(await create());
        await using var db = program.Database.Context();
        await db.Database.MigrateAsync();
        program.Seed(db);
        await db.SaveChangesAsync();
        return program;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private void Seed(ParoleOncoDbContext db)
    {
        var ap1 = Samples.Ap("Anne", capacity: 2);
        var ap2 = Samples.Ap("Zoé", capacity: 2);
        db.AddRange(ap1, ap2);

        var r1 = Referral(R1, "E1", Local(3, 2, 10));
        r1.Match(ap1.Id, "coord", "Marie", Local(3, 2, 14));
        var a1 = Offer(r1, ap1, Local(3, 2, 14));
        r1.AcceptAssignment(ap1.Id, Local(3, 3, 10));
        a1.Accept(Local(3, 3, 10));
        var c1 = Contact(r1, ap1, Day(3, 4), "phone", 30, ["emotional"], null, null);
        var c2 = Contact(r1, ap1, Day(3, 10), "inPerson", 60, ["emotional", "informational"], 12.50m, 20.5m);
        var escalation = new Escalation
        {
            Id = Guid.NewGuid(), ReferralId = r1.Id, LogbookEntryId = c1.Id, ApId = ap1.Id, EstablishmentId = "E1",
            ProtectedReason = "protected", RaisedAt = Local(3, 4, 12),
        };
        escalation.Acknowledge("coord", "Marie", Local(3, 4, 12, 30));
        r1.Close(ap1.Id, "completed", 5, Local(3, 20, 9));
        a1.Close();

        var r2 = Referral(Guid.NewGuid(), "E1", Local(3, 5, 10));
        r2.Decline(Reason, "coord", "Marie", Local(3, 5, 20));

        var r3 = Referral(Guid.NewGuid(), "E1", Local(3, 6, 10));
        r3.Match(ap2.Id, "coord", "Marie", Local(3, 6, 12));
        var a3a = Offer(r3, ap2, Local(3, 6, 12));
        a3a.Decline(Local(3, 6, 13));
        r3.ReturnToQueue(ap2.Id);
        r3.Match(ap1.Id, "coord", "Marie", Local(3, 7, 10));
        var a3b = Offer(r3, ap1, Local(3, 7, 10));
        r3.AcceptAssignment(ap1.Id, Local(3, 8, 10));
        a3b.Accept(Local(3, 8, 10));

        var r4 = Referral(Guid.NewGuid(), "E1", Local(2, 28, 23, 30));
        var r5 = Referral(Guid.NewGuid(), "E1", Local(3, 31, 23, 30));
        var r6 = Referral(Guid.NewGuid(), "E2", Local(3, 10, 10));
        r6.Decline(Reason, "coord", "Luc", Local(3, 10, 12));

        db.AddRange(r1, r2, r3, r4, r5, r6, a1, a3a, a3b, c1, c2, escalation);
    }

    private static Referral Referral(Guid id, string establishment, DateTimeOffset submittedAt) => new()
    {
        Id = id,
        FormId = id.ToString(),
        PatientCode = "CHUM-0042",
        EstablishmentId = establishment,
        CancerType = "breast",
        AgeBand = "45-54",
        Language = "fr",
        Modality = "phone",
        Needs = ["emotional", "navigational"],
        ProtectedPhone = "protected",
        ProtectedNote = "protected note",
        ReferrerAadObjectId = "clinician-aad",
        ReferrerName = "Dre Gagnon",
        SubmittedAt = submittedAt,
    };

    private static Assignment Offer(Referral referral, AccompanyingPatient ap, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), ReferralId = referral.Id, ApId = ap.Id, EstablishmentId = referral.EstablishmentId, OfferedAt = at };

    private static LogbookEntry Contact(
        Referral referral, AccompanyingPatient ap, DateOnly date, string modality, int minutes, string[] supportTypes, decimal? parking, decimal? km) => new()
    {
        Id = Guid.NewGuid(),
        FormId = Guid.NewGuid().ToString(),
        ReferralId = referral.Id,
        ApId = ap.Id,
        EstablishmentId = referral.EstablishmentId,
        ContactDate = date,
        DurationMinutes = minutes,
        Modality = modality,
        SupportTypes = supportTypes,
        ProtectedSummary = "protected summary",
        ParkingExpense = parking,
        Kilometres = km,
        CreatedAt = date.ToDateTime(new TimeOnly(20, 0)) is var local ? new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime() : default,
    };
}
