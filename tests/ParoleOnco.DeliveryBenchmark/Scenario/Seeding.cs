using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.DeliveryBenchmark.Scenario;

/// <summary>One AP with their 1:1 chat and the accompaniment they accepted: what a planned-contact reminder prompts.</summary>
public sealed record SeededAp(Guid ReferralId, string AadObjectId, string ConversationId);

/// <summary>
/// Writes the program's state straight through the bot's DbContext, as the referral journey would have left it
/// (approved AP, referral matched and accepted, accepted assignment, stored conversation reference): playing 5,000
/// journeys through /api/messages would take longer than the benchmark itself and measure something else.
/// </summary>
public static class Seeding
{
    private const int BatchSize = 1000;
    private const string BotId = "28:paroleonco-bot";
    private const string TenantId = "00000000-0000-0000-0000-00000000beef";

    public static async Task<IReadOnlyList<SeededAp>> SeedAsync(IServiceProvider services, int count, string serviceUrl)
    {
        var seeded = new List<SeededAp>(count);
        var now = DateTimeOffset.UtcNow.AddDays(-7);
        for (var first = 0; first < count; first += BatchSize)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PatientDataProtector>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + BatchSize); i++)
            {
                seeded.Add(Add(db, protector, i + 1, serviceUrl, now));
            }

            await db.SaveChangesAsync();
        }

        return seeded;
    }

    private static SeededAp Add(ParoleOncoDbContext db, PatientDataProtector protector, int number, string serviceUrl, DateTimeOffset at)
    {
        var locale = number % 2 == 0 ? "en-US" : "fr-CA";
        var aadObjectId = $"00000000-0000-0000-0001-{number:D12}";
        var teamsId = $"29:ap-{number}";
        var conversationId = $"a:personal-ap-{number}";

        var ap = new AccompanyingPatient
        {
            Id = Guid.NewGuid(),
            AadObjectId = aadObjectId,
            Name = $"AP {number}",
            EstablishmentId = "E1",
            Languages = ["fr", "en"],
            CancerTypes = ["breast"],
            AgeBand = "45-54",
            Modalities = ["phone", "video"],
            Capacity = 2,
            RegisteredAt = at,
        };
        ap.Approve("Claire Coordination", at);

        var referral = new Referral
        {
            Id = Guid.NewGuid(),
            FormId = $"bench-form-{number}",
            PatientCode = $"CHUM-{number:D5}",
            EstablishmentId = "E1",
            CancerType = "breast",
            AgeBand = "45-54",
            Language = "fr",
            Modality = "phone",
            Needs = ["emotional", "navigational"],
            ProtectedPhone = protector.Protect("514 555-0199"),
            ReferrerAadObjectId = "00000000-0000-0000-0000-000000000004",
            ReferrerName = "Dre Hélène Oncologue",
            SubmittedAt = at,
        };
        referral.Match(ap.Id, "00000000-0000-0000-0000-000000000002", "Claire Coordination", at);
        referral.AcceptAssignment(ap.Id, at);

        var assignment = new Assignment { Id = Guid.NewGuid(), ReferralId = referral.Id, ApId = ap.Id, EstablishmentId = referral.EstablishmentId, OfferedAt = at };
        assignment.Accept(at);

        // The shape ConversationStore.RememberAsync stores from a personal message: Teams' reference, activity id cleared.
        var reference = new ConversationReference
        {
            User = new ChannelAccount(teamsId, ap.Name) { AadObjectId = aadObjectId },
            Bot = new ChannelAccount(BotId, "ParoleOnco"),
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: conversationId, tenantId: TenantId),
            ChannelId = "msteams",
            Locale = locale,
            ServiceUrl = serviceUrl,
        };

        db.AccompanyingPatients.Add(ap);
        db.Referrals.Add(referral);
        db.Assignments.Add(assignment);
        db.Conversations.Add(new StoredConversation
        {
            ConversationId = conversationId,
            UserAadObjectId = aadObjectId,
            Locale = locale,
            ReferenceJson = JsonConvert.SerializeObject(reference),
        });
        return new SeededAp(referral.Id, aadObjectId, conversationId);
    }
}
