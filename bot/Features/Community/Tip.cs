namespace ParoleOnco.Features.Community;

/// <summary>
/// A tip an approved AP shared with the community of practice. Its text passed <see cref="PatientDataCheck"/> before it
/// was kept; it is gone once a coordinator hid the tip or retention erased it (who shared it, from where and when stay).
/// </summary>
public sealed class Tip
{
    public const int MaxFormIdLength = 64;

    public Guid Id { get; init; }

    /// <summary>The form the tip came from: one form, one tip, however often it is clicked.</summary>
    public required string FormId { get; init; }

    public Guid ApId { get; init; }
    public required string EstablishmentId { get; init; }

    /// <summary>The tip's text; null once hidden or erased.</summary>
    public string? Text { get; set; }

    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset? HiddenAt { get; private set; }
    public string? HiddenByAadObjectId { get; private set; }
    public string? HiddenByName { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    public void Hide(string byAadObjectId, string byName, DateTimeOffset at)
    {
        (HiddenAt, HiddenByAadObjectId, HiddenByName, Text) = (at, byAadObjectId, byName, null);
    }
}
