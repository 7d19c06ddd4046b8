using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;

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
    TimeProvider clock,
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

        // A newer card for the same message, delivered or not, shows a later state: an older retry must not overwrite it.
        if (await db.OutboxMessages.AnyAsync(m => m.Key == message.Key && m.Id > message.Id, cancellationToken))
        {
            Close(message, OutboxStatus.Superseded);
        }
        else
        {
            await SendAsync(message, cancellationToken);
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

    /// <summary>Records a failed attempt that threw: tried again later, given up on after the last attempt.</summary>
    public async Task PostponeAsync(long messageId, string error, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.Status == OutboxStatus.Pending, cancellationToken);
        if (message is null)
        {
            return;
        }

        message.Attempts++;
        message.LastError = error;
        Reschedule(message);
        message.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var card = new OutgoingCard(Outbox.RecipientOf(message), message.Key, protector.Unprotect(message.ProtectedCard));
        var partition = $"{message.RecipientKind}:{message.RecipientId}";
        var result = await pipeline.ExecuteAsync(async ct =>
        {
            await limits.WaitAsync(partition, ct);
            return await sender.SendAsync(card, ct);
        }, cancellationToken);

        message.Attempts++;
        message.LastError = result.Error;
        if (result.Status == SendStatus.Sent)
        {
            Close(message, OutboxStatus.Delivered);
            message.DeliveredAt = clock.GetUtcNow();
        }
        else if (result.Status == SendStatus.Final)
        {
            GiveUp(message);
        }
        else
        {
            Reschedule(message);
        }
    }

    private void Reschedule(OutboxMessage message)
    {
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            GiveUp(message);
            return;
        }

        message.ClaimedUntil = null;
        message.NextAttemptAt = clock.GetUtcNow() + options.Value.RescheduleDelay * Math.Pow(2, message.Attempts - 1);
    }

    private void GiveUp(OutboxMessage message)
    {
        Close(message, OutboxStatus.Failed);
        LogGaveUp(logger, message.Id, message.Key, message.LastError ?? "unknown");

        // Coordinators are told, unless the coordinators' channel is what cannot be reached.
        if (message is { RecipientKind: not "coordinators", EstablishmentId: { } establishmentId })
        {
            var notice = NoticeCards.DeliveryFailed(
                MessageKeys.ReferralIdIn(message.Key) is { } referralId ? ReferralPresenter.Number(referralId) : null,
                locales.OfEstablishment(establishmentId));
            outbox.Enqueue([new CardDelivery(new Recipient.CoordinatorsOf(establishmentId), MessageKeys.DeliveryFailed(message.Id), notice)]);
        }
    }

    private static void Close(OutboxMessage message, OutboxStatus status)
    {
        message.Status = status;
        message.ClaimedUntil = null;
        message.ProtectedCard = ""; // nothing of the patient stays once the message is done with
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering outbox message {Id} ({Key}): {Error}")]
    private static partial void LogGaveUp(ILogger logger, long id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was taken over by another instance")]
    private static partial void LogClaimLost(ILogger logger, long id);
}
