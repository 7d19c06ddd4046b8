using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Benchmarks.Hosting;
using ParoleOnco.Benchmarks.Load;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Scenario;

/// <summary>
/// The activities of each measured level: echo messages, new valid referral forms, and approvals of the referrals
/// the previous submit level created, each with an AP of its group that still has room.
/// </summary>
public sealed class Workloads(BotHost host, ReferralWorld world, TeamsActivities activities)
{
    private readonly Dictionary<string, ApProfile> submitted = [];
    private readonly Dictionary<string, int> reserved = [];
    private readonly List<string> unapproved = [];
    private List<Guid> approving = [];
    private int nextPatient;

    public static Level Echo(string floor, TeamsActivities activities, IReadOnlyList<TestUser> users, int perUser) => new(
        floor,
        [.. users.Select(user => (IReadOnlyList<byte[]>)[.. Enumerable.Range(0, perUser).Select(i => activities.Message(user, $"ping {i}", ReferralWorld.Personal))])],
        reply => reply.Status == HttpStatusCode.OK);

    public Level Submit(int users, int perUser) => new(
        CardVerbs.ReferralSubmit,
        [.. world.Clinicians.Take(users).Select(clinician => (IReadOnlyList<byte[]>)[.. Enumerable.Range(0, perUser).Select(_ => SubmitActivity(clinician))])],
        // A form that fails validation comes back as the form; a saved one as the status card.
        reply => reply.IsInvokeSuccess && !reply.Body.Contains($"\"{CardVerbs.ReferralSubmit}\"", StringComparison.Ordinal));

    /// <summary>Approves the referrals the last submit level saved, spread over the coordinators.</summary>
    public async Task<Level> ApproveAsync(int users)
    {
        var codes = unapproved.ToList();
        unapproved.Clear();
        var open = await host.QueryAsync(db => db.Referrals
            .Where(r => codes.Contains(r.PatientCode) && r.Status == ReferralStatus.Submitted)
            .Select(r => new { r.Id, r.PatientCode })
            .ToListAsync());
        var perUser = Enumerable.Range(0, users).Select(_ => new List<byte[]>()).ToList();
        for (var i = 0; i < open.Count; i++)
        {
            var data = new JsonObject { ["referralId"] = open[i].Id.ToString(), ["apId"] = ApWithRoom(submitted[open[i].PatientCode]) };
            perUser[i % users].Add(activities.Invoke(world.Coordinators[i % users], CardVerbs.ReferralApprove, data, ReferralWorld.E1Channel, "referral-card"));
        }

        approving = [.. open.Select(r => r.Id)];
        return new Level(CardVerbs.ReferralApprove, [.. perUser],
            // Decided: the card that replaces the clicked one has no approve button left.
            reply => reply.IsInvokeSuccess && !reply.Body.Contains($"\"{CardVerbs.ReferralApprove}\"", StringComparison.Ordinal));
    }

    /// <summary>Referrals of the last approve level that the database shows matched with an AP.</summary>
    public Task<int> MatchedAsync() =>
        host.QueryAsync(db => db.Referrals.CountAsync(r => approving.Contains(r.Id) && r.Status == ReferralStatus.Matched));

    /// <summary>Cards still waiting in the outbox: the background delivery runs while turns are measured.</summary>
    public Task<int> OutboxPendingAsync() =>
        host.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending));

    private byte[] SubmitActivity(TestUser clinician)
    {
        var patientCode = $"BNCH-{nextPatient:D6}";
        var profile = world.Groups[nextPatient++ % world.Groups.Count].Profile;
        submitted[patientCode] = profile;
        unapproved.Add(patientCode);
        var form = (JsonObject)world.FormData.DeepClone();
        form["formId"] = Guid.NewGuid().ToString("N");
        form["patientCode"] = patientCode;
        form["consent"] = "true";
        form["establishmentId"] = "E1";
        form["cancerType"] = profile.CancerType;
        form["ageBand"] = profile.AgeBand;
        form["language"] = profile.Language;
        form["modality"] = "phone";
        form["needs"] = "emotional,navigational";
        form["phone"] = "514 555-0199";
        form["note"] = "Préfère les appels en après-midi.";
        return activities.Invoke(clinician, CardVerbs.ReferralSubmit, form, ReferralWorld.Personal, "referral-form");
    }

    private string ApWithRoom(ApProfile profile)
    {
        var group = world.Groups.First(g => g.Profile == profile);
        var apId = group.ApIds.MinBy(id => reserved.GetValueOrDefault(id))!;
        if (reserved.GetValueOrDefault(apId) >= ApGroup.Capacity)
        {
            throw new InvalidOperationException($"Group {group.Number} is full: register more AP groups for this many approvals.");
        }

        reserved[apId] = reserved.GetValueOrDefault(apId) + 1;
        return apId;
    }
}
