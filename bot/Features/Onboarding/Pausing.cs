using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Features.Onboarding;

/// <summary>
/// An approved AP pauses themself (illness, holidays, a hard moment) and resumes when ready; while paused
/// they are not suggested to coordinators.
/// </summary>
public sealed class Pausing(ParoleOncoDbContext db, Roles roles, ApPresenter presenter, AuditTrail audit)
{
    public async Task<TurnResult> SetAsync(TurnRequest request, bool? pause, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var ap = await roles.ApAsync(caller, cancellationToken);
        if (ap is not { Status: ApStatus.Approved })
        {
            return TurnResult.NotAllowed(caller.Culture, Refusals.NotApprovedAp);
        }

        if (pause is { } paused && paused != ap.Paused)
        {
            if (paused)
            {
                ap.Pause();
            }
            else
            {
                ap.Resume();
            }

            audit.Record(caller, paused ? "ap.pause" : "ap.resume", AuditTrail.ApSubject(ap.Id));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new TurnResult(await presenter.ProfileCardAsync(ap, caller.Culture, cancellationToken), [], MessageKeys.ApProfile(ap.Id));
    }

    /// <summary>
    /// An approved AP removed the app: the bot can no longer reach them, so they are paused rather than offered patients
    /// they would never hear of. Their profile (<c>pause</c>) resumes them when they come back.
    /// </summary>
    public async Task PauseOnLeavingAsync(Caller caller, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await roles.ApAsync(caller, cancellationToken) is not { Status: ApStatus.Approved, Paused: false } ap)
            {
                return;
            }

            ap.Pause(PauseReason.AppRemoved);
            audit.Record(caller, "ap.appRemoved", AuditTrail.ApSubject(ap.Id));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A coordinator offered this AP a patient at that moment (the offer changes the AP's version): again.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary><c>pause</c>: the AP's profile, with the button to pause or resume.</summary>
public sealed class PauseCommand(Pausing pausing) : ICommandHandler
{
    public IReadOnlyList<string> Words => ["pause", "profile", "profil"];

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        pausing.SetAsync(request, pause: null, cancellationToken);
}

/// <summary><c>ap.pause</c>.</summary>
public sealed class PauseAp(Pausing pausing) : IVerbHandler
{
    public string Verb => CardVerbs.ApPause;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        pausing.SetAsync(request, pause: true, cancellationToken);
}

/// <summary><c>ap.resume</c>.</summary>
public sealed class ResumeAp(Pausing pausing) : IVerbHandler
{
    public string Verb => CardVerbs.ApResume;

    public Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken) =>
        pausing.SetAsync(request, pause: false, cancellationToken);
}
