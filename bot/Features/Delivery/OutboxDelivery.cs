using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;
using ParoleOnco.Infrastructure.Telemetry;

namespace ParoleOnco.Features.Delivery;

/// <summary>Delivers one claimed message and records what happened to it.</summary>
public sealed partial class OutboxDelivery(
    ParoleOncoDbContext db,
    DeliveryInstance instance,
    ICardSender sender,
    DeliveryLimits limits,
    DeliveryPipeline pipeline,
    Outbox outbox,
    PatientDataProtector protector,
    Locales locales,
    Onboarding.UnreachableAp unreachableAp,
    Onboarding.Invitations invitations,
    IAppInstaller installer,
    TimeProvider clock,
    DeliveryMetrics metrics,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDelivery> logger)
{
    public async Task DeliverAsync(OutboxMessage claimed, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(
            m => m.Id == claimed.Id && m.ClaimedBy == instance.Name && m.Status == OutboxStatus.Pending, cancellationToken);
        if (message is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (!await ClaimStillLongEnoughAsync(message, now, cancellationToken))
        {
            return;
        }

        var others = await OtherTriesOfKeyAsync(message, cancellationToken);

        // A newer card for the same message, delivered or not, shows a later state: an older retry must not overwrite it.
        if (others.Any(o => o.Id > message.Id))
        {
            Close(message, OutboxStatus.Superseded);
            metrics.Superseded();
        }
        else if (others.Any(o => o.Id < message.Id && o.ClaimedUntil > now))
        {
            // An older card of this key is being sent right now: posting too could show it twice. Its outcome first.
            message.ClaimedUntil = null;
            message.NextAttemptAt = now + options.Value.PollInterval;
        }
        else
        {
            await SendAsync(message, MayBeShownSince(message, others), cancellationToken);
        }

        message.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our claim expired and another instance took the message over: its record wins.
            LogClaimLost(logger, message.Id);
        }
    }

    /// <summary>
    /// A batch's claims are taken together; a message reached late (its recipient's earlier cards waited on Teams'
    /// limits) has its claim renewed before it is sent, so that no other instance takes it over mid-send.
    /// </summary>
    private async Task<bool> ClaimStillLongEnoughAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.ClaimedUntil - now >= options.Value.ClaimFor / 2)
        {
            return true;
        }

        message.ClaimedUntil = now + options.Value.ClaimFor;
        message.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimLost(logger, message.Id);
            return false;
        }
    }

    /// <summary>
    /// Records a delivery that threw (a failure of ours, not Teams' answer): tried again later with a growing delay,
    /// parked after <see cref="DeliveryOptions.MaxFailures"/>.
    /// </summary>
    /// <returns>Whether the message is now parked.</returns>
    public async Task<bool> RecordFailureAsync(long messageId, string error, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.Status == OutboxStatus.Pending, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.Failures++;
        message.LastError = error;
        message.ClaimedUntil = null;

        // It may have thrown after its post reached Teams: counted as tried, the next send looks for the card first.
        message.Attempts = Math.Min(message.Attempts + 1, Math.Max(1, options.Value.MaxAttempts - 1));
        if (message.Failures >= options.Value.MaxFailures)
        {
            message.Status = OutboxStatus.Parked;
        }
        else
        {
            message.NextAttemptAt = clock.GetUtcNow() + options.Value.RescheduleDelay * Math.Pow(2, message.Failures - 1);
        }

        message.Version++;
        await db.SaveChangesAsync(cancellationToken);
        metrics.Failed(parked: message.Status == OutboxStatus.Parked);
        return message.Status == OutboxStatus.Parked;
    }

    /// <summary>
    /// Newer messages of the same key, and older ones that were tried or claimed (a claim that expired without an
    /// outcome may have posted): either may change what this one does.
    /// </summary>
    private Task<List<KeyTry>> OtherTriesOfKeyAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Key == message.Key && m.Id != message.Id && (m.Id > message.Id || m.Attempts > 0 || m.ClaimedUntil != null))
            .Select(m => new KeyTry(m.Id, m.CreatedAt, m.ClaimedUntil))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Exactly once as people see it: a message key that was tried before (this message, or an older card of the same
    /// key) may already show in Teams even though no activity id was remembered, so it is looked for before a post.
    /// </summary>
    private static DateTimeOffset? MayBeShownSince(OutboxMessage message, List<KeyTry> others)
    {
        var tried = others.Where(o => o.Id < message.Id).Select(o => o.CreatedAt).ToList();
        if (message.Attempts > 0)
        {
            tried.Add(message.CreatedAt);
        }

        return tried.Count == 0 ? null : tried.Min();
    }

    private async Task SendAsync(OutboxMessage message, DateTimeOffset? mayBeShownSince, CancellationToken cancellationToken)
    {
        var card = new OutgoingCard(Recipient.Of(message.RecipientKind, message.RecipientId), message.Key, protector.Unprotect(message.ProtectedCard),
            mayBeShownSince, LastAttempt: message.Attempts + 1 >= options.Value.MaxAttempts);
        var partition = $"{message.RecipientKind}:{message.RecipientId}";
        var result = await pipeline.ExecuteAsync(async ct =>
        {
            await limits.WaitAsync(partition, ct);
            return await sender.SendAsync(card, ct);
        }, cancellationToken);

        message.Attempts++;
        message.LastError = result.Error;
        metrics.Tried(result.Status);
        if (result.Status == SendStatus.Sent)
        {
            Close(message, OutboxStatus.Delivered);
            message.DeliveredAt = clock.GetUtcNow();
            if (await invitations.DeliveredAsync(message.Key, message.DeliveredAt.Value, cancellationToken) is { } thread)
            {
                outbox.Enqueue([thread]);
            }
        }
        else if (result.Status == SendStatus.InstallFirst)
        {
            await InstallThenDeliverAsync(message, cancellationToken);
        }
        else if (result.Status is SendStatus.Final or SendStatus.Unreachable)
        {
            await GiveUpAsync(message, cancellationToken, unreachable: result.Status == SendStatus.Unreachable);
        }
        else
        {
            await RescheduleAsync(message, result.MayHaveBeenShown ? options.Value.LookupDelay : TimeSpan.Zero, cancellationToken);
        }
    }

    /// <summary>
    /// A person the bot never talked with: the app is installed for them, and the card goes to the chat that opens, at
    /// once when Graph already names it, else at the next try (Teams' installation activity may have brought it).
    /// </summary>
    private async Task InstallThenDeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (await installer.InstallAsync(message.RecipientId, cancellationToken))
        {
            case AppInstallation.Ready when message.Attempts < options.Value.MaxAttempts:
                message.ClaimedUntil = null;
                message.NextAttemptAt = clock.GetUtcNow();
                break;
            case AppInstallation.Ready or AppInstallation.Pending or AppInstallation.TryAgain:
                await RescheduleAsync(message, cancellationToken: cancellationToken);
                break;
            default:
                await GiveUpAsync(message, cancellationToken);
                break;
        }
    }

    private async Task RescheduleAsync(OutboxMessage message, TimeSpan notBefore = default, CancellationToken cancellationToken = default)
    {
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            await GiveUpAsync(message, cancellationToken);
            return;
        }

        message.ClaimedUntil = null;
        var backoff = options.Value.RescheduleDelay * Math.Pow(2, message.Attempts - 1);
        message.NextAttemptAt = clock.GetUtcNow() + (backoff > notBefore ? backoff : notBefore);
    }

    private async Task GiveUpAsync(OutboxMessage message, CancellationToken cancellationToken, bool unreachable = false)
    {
        Close(message, OutboxStatus.Failed);
        LogGaveUp(logger, message.Id, message.Key, message.LastError ?? "unknown");
        var referralId = MessageKeys.ReferralIdIn(message.Key);

        // An AP Teams will not let the bot reach is paused and their offers go back to the queue: that notice says it all.
        var to = Recipient.Of(message.RecipientKind, message.RecipientId);
        if (unreachable && to is Recipient.Person person
            && await unreachableAp.PauseAsync(person.AadObjectId, cancellationToken) is { } told)
        {
            outbox.Enqueue(told);
            return;
        }

        // Coordinators are told, unless the coordinators' channel is what cannot be reached: then the clinician whose
        // referral is still waiting is, so that it does not wait unseen.
        if (to.Establishment is null && message.EstablishmentId is { } establishmentId)
        {
            var notice = NoticeCards.DeliveryFailed(
                referralId is { } id ? ReferralPresenter.Number(id) : null, locales.OfEstablishment(establishmentId));
            outbox.Enqueue([new CardDelivery(new Recipient.CoordinatorsOf(establishmentId), MessageKeys.DeliveryFailed(message.Id), notice)]);
        }
        else if (referralId is { } waiting
            && await db.Referrals.Where(r => r.Id == waiting && r.Status == ReferralStatus.Submitted).Select(r => r.ReferrerAadObjectId)
                .SingleOrDefaultAsync(cancellationToken) is { } referrer)
        {
            var notice = NoticeCards.CoordinatorsUnreachable(ReferralPresenter.Number(waiting), await locales.OfPersonAsync(referrer, cancellationToken));
            outbox.Enqueue([new CardDelivery(new Recipient.Person(referrer), MessageKeys.DeliveryFailed(message.Id), notice, message.EstablishmentId)]);
        }
    }

    private static void Close(OutboxMessage message, OutboxStatus status)
    {
        message.Status = status;
        message.ClaimedUntil = null;
        message.ProtectedCard = ""; // nothing of the patient stays once the message is done with
    }

    private sealed record KeyTry(long Id, DateTimeOffset CreatedAt, DateTimeOffset? ClaimedUntil);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering outbox message {Id} ({Key}): {Error}")]
    private static partial void LogGaveUp(ILogger logger, long id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was taken over by another instance")]
    private static partial void LogClaimLost(ILogger logger, long id);
}
