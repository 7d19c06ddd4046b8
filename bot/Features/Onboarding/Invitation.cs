namespace ParoleOnco.Features.Onboarding;

/// <summary>
/// A coordinator invited a person of the directory to register as an AP. The invitation waits in the outbox until the
/// app is installed for them and their chat exists; <see cref="DeliveredAt"/> is when it reached them.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; }
    public required string EstablishmentId { get; init; }
    public required string AadObjectId { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public required string InvitedByAadObjectId { get; init; }
    public required string InvitedByName { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
