using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>A person invited by a coordinator, as the coordinators' thread shows them.</summary>
public sealed record InvitationView(string Name, string Email, string InvitedBy, DateTimeOffset SentAt, DateTimeOffset? DeliveredAt);

/// <summary>Coordinators invite people who never wrote to the bot: the thread in their channel, the invitation, the answers to <c>invite</c>.</summary>
public static class InvitationCards
{
    /// <summary>The AP registration form, introduced by who invites the person and where.</summary>
    public static AdaptiveCard Invitation(FormView form, string invitedBy, string establishment, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var registration = ApCards.RegistrationForm(form, culture);
        return registration with { Body = [Blocks.Text(t.Format("Invitation_Intro", invitedBy, establishment)), .. registration.Body] };
    }

    /// <summary>The coordinators' thread: who was invited, by whom, when, and when the invitation reached them.</summary>
    public static AdaptiveCard Thread(InvitationView invitation, CultureInfo culture)
    {
        var t = Texts.For(culture);
        CardElement delivery = invitation.DeliveredAt is { } delivered
            ? Blocks.Facts((t["InvitationThread_Delivered"], CardDates.DateAndTime(t, delivered)))
            : Blocks.Subtle(t["InvitationThread_Waiting"]);
        return Blocks.Card(
        [
            Blocks.Title(t["InvitationThread_Title"]),
            Blocks.Facts(
                (t["InvitationThread_Person"], $"{invitation.Name} ({invitation.Email})"),
                (t["InvitationThread_By"], invitation.InvitedBy),
                (t["InvitationThread_Sent"], CardDates.DateAndTime(t, invitation.SentAt))),
            delivery,
        ]);
    }

    public static AdaptiveCard Usage(CultureInfo culture) => Notice(culture, "InviteUsage", null);

    public static AdaptiveCard GraphNotConfigured(CultureInfo culture) => Notice(culture, "InviteNoGraph", TextColor.Warning);

    public static AdaptiveCard DirectoryDown(CultureInfo culture) => Notice(culture, "InviteDirectoryDown", TextColor.Warning);

    /// <summary>Nobody has the address: it is shown as typed, literally.</summary>
    public static AdaptiveCard UnknownAddress(string typed, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Colored(t["InviteUnknown_Title"], TextColor.Warning), Blocks.Typed(typed), Blocks.Text(t["InviteUnknown_Text"])]);
    }

    private static AdaptiveCard Notice(CultureInfo culture, string key, TextColor? color)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Colored(t[$"{key}_Title"], color), Blocks.Text(t[$"{key}_Text"])]);
    }
}
