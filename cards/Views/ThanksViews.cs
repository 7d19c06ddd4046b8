namespace ParoleOnco.Cards;

/// <summary>
/// The thanks part of a card that offers to thank an AP. <paramref name="FormId"/> names this drawing of the card: with
/// the sender, one thanks per card however often it is clicked. <paramref name="SentAt"/> and <paramref name="SentBy"/>
/// tell the latest thanks sent from there; <paramref name="Message"/> and <paramref name="TooLong"/> are what the
/// clicker typed when it was refused.
/// </summary>
public sealed record ThanksFormView(string FormId, DateTimeOffset? SentAt = null, string? SentBy = null, string? Message = null, bool TooLong = false);

/// <summary>The thanks an AP receives: who sent it, their message, and the patient's code when it is about one.</summary>
public sealed record ThanksView(string FromName, string? Message, DateTimeOffset At, string? PatientCode);
