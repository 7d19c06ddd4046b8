using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Figures;

/// <summary>
/// Five years of a nine-establishment program, written through the domain's own transitions (match, AP decline,
/// acceptance, closing) so the rows are ones the bot could have written: about 20,000 referrals, 150,000 logbook
/// entries and 5,000 escalations at scale 1. The same seed gives the same history.
/// </summary>
public sealed class History(DateTimeOffset now, double scale)
{
    public const int EstablishmentCount = 9;
    private const int ApsPerEstablishment = 12;
    private const int ReferralsAtScaleOne = 20_000;
    private const int BatchSize = 4_000;
    private static readonly TimeSpan Span = TimeSpan.FromDays(5 * 365);

    private readonly Random random = new(2026);
    private readonly List<object> pending = [];
    private AccompanyingPatient[][] aps = [];

    public int Referrals { get; private set; }
    public int LogbookEntries { get; private set; }
    public int Escalations { get; private set; }

    public static string EstablishmentId(int index) => $"E{index + 1}";

    /// <summary>The first AP of the first establishment, approved before the history starts: five years of impact.</summary>
    public static TestUser FirstAp { get; } = new("AP 1.1", ApAadObjectId(0, 0), "29:ap-0-0", "fr-CA");

    private static string ApAadObjectId(int establishment, int n) => $"ap-{establishment}-{n}";

    /// <summary>Half 0 writes the APs and half the referrals, each spread over the five years; half 1 the other half.</summary>
    public async Task SeedAsync(Func<ParoleOncoDbContext> contexts, int half, CancellationToken cancellationToken)
    {
        if (half == 0)
        {
            aps = [.. Enumerable.Range(0, EstablishmentCount).Select(Aps)];
            await FlushAsync(contexts, aps.SelectMany(group => group), cancellationToken);
        }

        var count = (int)(ReferralsAtScaleOne * scale) / 2;
        for (var i = 0; i < count; i++)
        {
            var establishment = i % EstablishmentCount;
            Referral(establishment, aps[establishment]);
            if (pending.Count >= BatchSize)
            {
                await FlushAsync(contexts, pending, cancellationToken);
            }
        }

        await FlushAsync(contexts, pending, cancellationToken);
    }

    private static async Task FlushAsync(Func<ParoleOncoDbContext> contexts, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        if (rows is List<object> list)
        {
            list.Clear();
        }
    }

    private AccompanyingPatient[] Aps(int establishment) =>
        Enumerable.Range(0, ApsPerEstablishment).Select(n =>
        {
            var ap = new AccompanyingPatient
            {
                Id = Guid.NewGuid(),
                AadObjectId = ApAadObjectId(establishment, n),
                Name = $"AP {establishment + 1}.{n + 1}",
                EstablishmentId = EstablishmentId(establishment),
                Languages = n % 3 == 0 ? ["fr", "en"] : ["fr"],
                CancerTypes = [Pick(Vocabulary.CancerTypes)],
                AgeBand = Pick(Vocabulary.AgeBands),
                Modalities = ["phone", Pick(Vocabulary.Modalities)],
                Capacity = 3 + n % 4,
                RegisteredAt = now - Span - TimeSpan.FromDays(30),
            };
            ap.Approve("Coordinator", ap.RegisteredAt.AddDays(2));
            return ap;
        }).ToArray();

    private void Referral(int establishment, AccompanyingPatient[] aps)
    {
        var submitted = now - Span + TimeSpan.FromMinutes(random.NextDouble() * Span.TotalMinutes);
        var referral = NewReferral(establishment, submitted);
        pending.Add(referral);
        Referrals++;
        var decided = submitted + Hours(1, 72);
        if (decided > now)
        {
            return; // still waiting for a coordinator
        }

        if (random.NextDouble() < 0.12)
        {
            referral.Decline(Pick(["Not eligible", "Patient refused", "Already followed elsewhere"]), "coordinator", "Coordinator", decided);
            return;
        }

        var ap = aps[random.Next(aps.Length)];
        if (random.NextDouble() < 0.1)
        {
            var declined = Offer(referral, ap, decided);
            decided += Hours(1, 24);
            declined.Decline(decided);
            referral.ReturnToQueue(ap.Id);
            ap = aps[(Array.IndexOf(aps, ap) + 1) % aps.Length];
            decided += Hours(1, 48);
            if (decided > now)
            {
                return;
            }
        }

        var assignment = Offer(referral, ap, decided);
        var accepted = decided + Hours(1, 48);
        if (accepted > now)
        {
            return; // the offer waits for the AP
        }

        assignment.Accept(accepted);
        referral.AcceptAssignment(ap.Id, accepted);
        Accompany(referral, assignment, ap, accepted);
    }

    private Assignment Offer(Referral referral, AccompanyingPatient ap, DateTimeOffset at)
    {
        referral.Match(ap.Id, "coordinator", "Coordinator", at);
        var assignment = new Assignment { Id = Guid.NewGuid(), ReferralId = referral.Id, ApId = ap.Id, EstablishmentId = referral.EstablishmentId, OfferedAt = at };
        pending.Add(assignment);
        return assignment;
    }

    private void Accompany(Referral referral, Assignment assignment, AccompanyingPatient ap, DateTimeOffset accepted)
    {
        var closing = accepted + TimeSpan.FromDays(20 + random.Next(100));
        var last = closing < now ? closing : now;
        var contact = accepted + Hours(2, 96);
        for (var n = 0; n < 14 && contact < last; n++)
        {
            LogbookEntry(referral, ap, contact);
            contact += TimeSpan.FromDays(3 + random.Next(12));
        }

        if (closing < now)
        {
            assignment.Close();
            int? satisfaction = random.NextDouble() < 0.7 ? 3 + random.Next(3) : null;
            referral.Close(ap.Id, Pick(Vocabulary.Outcomes), satisfaction, closing);
        }
    }

    private void LogbookEntry(Referral referral, AccompanyingPatient ap, DateTimeOffset at)
    {
        var attention = random.NextDouble() < 0.034;
        var entry = new LogbookEntry
        {
            Id = Guid.NewGuid(),
            FormId = Guid.NewGuid().ToString("N"),
            ReferralId = referral.Id,
            ApId = ap.Id,
            EstablishmentId = referral.EstablishmentId,
            ContactDate = DateOnly.FromDateTime(at.UtcDateTime),
            DurationMinutes = 10 + random.Next(50),
            Modality = Pick(Vocabulary.Modalities),
            SupportTypes = [Pick(Vocabulary.Needs), Pick(Vocabulary.Needs)],
            ProtectedSummary = "seeded",
            NeedsClinicalAttention = attention,
            ProtectedAttentionReason = attention ? "seeded" : null,
            ParkingExpense = random.NextDouble() < 0.1 ? 12.50m : null,
            Kilometres = random.NextDouble() < 0.1 ? 18.4m : null,
            CreatedAt = at.AddHours(3),
        };
        pending.Add(entry);
        LogbookEntries++;
        if (attention)
        {
            Escalation(referral, entry);
        }
    }

    private void Escalation(Referral referral, LogbookEntry entry)
    {
        var escalation = new Escalation
        {
            Id = Guid.NewGuid(),
            ReferralId = referral.Id,
            LogbookEntryId = entry.Id,
            ApId = entry.ApId,
            EstablishmentId = referral.EstablishmentId,
            ProtectedReason = "seeded",
            RaisedAt = entry.CreatedAt,
        };
        var acknowledged = entry.CreatedAt + TimeSpan.FromMinutes(5 + random.Next(240));
        if (acknowledged < now)
        {
            escalation.Acknowledge("coordinator", "Coordinator", acknowledged);
        }

        pending.Add(escalation);
        Escalations++;
    }

    private Referral NewReferral(int establishment, DateTimeOffset submitted) => new()
    {
        Id = Guid.NewGuid(),
        FormId = Guid.NewGuid().ToString("N"),
        PatientCode = $"P{Referrals:D6}",
        EstablishmentId = EstablishmentId(establishment),
        CancerType = Pick(Vocabulary.CancerTypes),
        AgeBand = Pick(Vocabulary.AgeBands),
        Language = random.NextDouble() < 0.8 ? "fr" : Pick(Vocabulary.Languages),
        Modality = Pick(Vocabulary.Modalities),
        Needs = [Pick(Vocabulary.Needs)],
        ProtectedPhone = "seeded",
        ReferrerAadObjectId = $"clinician-{establishment}-{random.Next(20)}",
        ReferrerName = "Clinician",
        SubmittedAt = submitted,
    };

    private TimeSpan Hours(int from, int to) => TimeSpan.FromMinutes(random.Next(from * 60, to * 60));

    private string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];
}
