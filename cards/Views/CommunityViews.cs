namespace ParoleOnco.Cards;

/// <summary>Why a tip went back to the AP instead of to the community channel.</summary>
public enum TipRefusal
{
    Empty,
    TooLong,
    Email,
    Phone,
    BirthDate,
    PatientCode,

    /// <summary>No channel is set up for the community of practice yet: the tip waits in the form.</summary>
    NoChannel,
}

/// <summary>
/// The tip form. <paramref name="FormId"/> names this drawing of it: one form, one post. <paramref name="Text"/> and
/// <paramref name="Refusal"/> are what was typed and why it went back.
/// </summary>
public sealed record TipFormView(string FormId, string? Text = null, TipRefusal? Refusal = null);

/// <summary>A tip as the community channel shows it; <paramref name="Hidden"/> once a coordinator hid it (its text gone).</summary>
public sealed record TipView(string TipId, string ApFirstName, string Establishment, string? Text, DateTimeOffset PostedAt, DecisionView? Hidden = null);
