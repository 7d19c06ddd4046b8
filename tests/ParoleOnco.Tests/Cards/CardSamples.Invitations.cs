using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

/// <summary>A coordinator's invitation: the form the person gets and the thread in the channel.</summary>
internal static partial class CardSamples
{
    public static FormView ApInvitationForm() =>
        new("form-9", [Chum, Cusm], new CardActionData { EstablishmentId = "chum" }, new Dictionary<string, string>());

    public static InvitationView Invitation(DateTimeOffset? deliveredAt = null) =>
        new("Inès Invitée", "ines.invitee@example.org", "Marie Tremblay", At, deliveredAt);
}
