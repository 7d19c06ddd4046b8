namespace ParoleOnco.Features.Thanking;

/// <summary>
/// Thanks sent to an AP: by the referring clinician about a referral, or by a coordinator from the AP's profile card
/// (no referral). Kept for the AP's impact and for the program's figures; the message is free text, protected like a
/// note and erased with the referral's free text.
/// </summary>
public sealed class Thanks
{
    public const int MaxFormIdLength = 64;

    public Guid Id { get; init; }

    /// <summary>The card the click came from: with the sender, one thanks per card however often it is clicked.</summary>
    public required string FormId { get; init; }

    public Guid ApId { get; init; }
    public Guid? ReferralId { get; init; }
    public required string FromAadObjectId { get; init; }
    public required string FromName { get; init; }

    /// <summary>The message, protected; null when none was written.</summary>
    public string? ProtectedMessage { get; set; }

    public DateTimeOffset At { get; init; }
}
