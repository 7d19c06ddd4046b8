using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Short cards for what the bot reports: refusals, confirmations, errors.</summary>
public static class NoticeCards
{
    /// <summary>The action is reserved to another role.</summary>
    public static AdaptiveCard NotAllowed(CultureInfo culture) => Notice(culture, "NotAllowed", TextColor.Attention);

    /// <summary>Only a team owner or a ParoleOnco administrator can set a channel up.</summary>
    public static AdaptiveCard SetupRefused(CultureInfo culture) => Notice(culture, "SetupRefused", TextColor.Attention);

    public static AdaptiveCard SetupOnlyInChannel(CultureInfo culture) => Notice(culture, "SetupOnlyInChannel", TextColor.Warning);

    public static AdaptiveCard RegistrationReceived(CultureInfo culture) => Notice(culture, "RegistrationReceived", TextColor.Good);

    public static AdaptiveCard AlreadyRegistered(CultureInfo culture) => Notice(culture, "AlreadyRegistered", null);

    /// <summary>Tells the AP their registration was approved.</summary>
    public static AdaptiveCard ApApproved(CultureInfo culture) => Notice(culture, "ApApproved", TextColor.Good);

    /// <summary>Tells the AP their registration was not accepted.</summary>
    public static AdaptiveCard ApRejected(CultureInfo culture) => Notice(culture, "ApRejected", null);

    public static AdaptiveCard ApPaused(CultureInfo culture) => Notice(culture, "ApPaused", null);

    public static AdaptiveCard ApResumed(CultureInfo culture) => Notice(culture, "ApResumed", TextColor.Good);

    /// <summary>A coordinator asked for a patient's phone elsewhere than in their establishment's coordinators' channel.</summary>
    public static AdaptiveCard PhoneOnlyInCoordinatorChannel(CultureInfo culture) =>
        Notice(culture, "PhoneOnlyInCoordinatorChannel", TextColor.Warning);

    /// <summary>The referral is declined or closed: its patient's phone is no longer shown to anyone.</summary>
    public static AdaptiveCard PhoneReferralClosed(CultureInfo culture) => Notice(culture, "PhoneReferralClosed", null);

    /// <summary>The caller may refer to no establishment (not in any establishment's clinician groups, or a guest).</summary>
    public static AdaptiveCard NoEstablishmentToReferTo(CultureInfo culture) => Notice(culture, "NoEstablishmentToReferTo", TextColor.Warning);

    /// <summary>The directory could not say where the caller may refer: nothing is allowed until it can.</summary>
    public static AdaptiveCard AccessCheckFailed(CultureInfo culture) => Notice(culture, "AccessCheckFailed", TextColor.Warning);

    public static AdaptiveCard ReferralNotFound(CultureInfo culture) => Notice(culture, "ReferralNotFound", TextColor.Warning);

    /// <summary>The referral is saved; the establishment's coordinators get it once their channel is set up.</summary>
    public static AdaptiveCard NoCoordinatorChannel(CultureInfo culture) => Notice(culture, "NoCoordinatorChannel", TextColor.Warning);

    public static AdaptiveCard AssignmentNoLongerOffered(CultureInfo culture) =>
        Notice(culture, "AssignmentNoLongerOffered", TextColor.Warning);

    /// <summary>Tells the coordinators a message could not be delivered after every retry, and about which referral.</summary>
    /// <summary>To the referring clinician: the coordinators' channel could not be reached about their waiting referral.</summary>
    public static AdaptiveCard CoordinatorsUnreachable(string referralNumber, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Colored(t["CoordinatorsUnreachable_Title"], TextColor.Attention), Blocks.Text(t.Format("CoordinatorsUnreachable_Text", referralNumber))]);
    }

    public static AdaptiveCard DeliveryFailed(string? referralNumber, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var text = referralNumber is null ? t["DeliveryFailed_Text"] : t.Format("DeliveryFailed_TextReferral", referralNumber);
        return Blocks.Card([Blocks.Colored(t["DeliveryFailed_Title"], TextColor.Attention), Blocks.Text(text)]);
    }

    /// <summary>
    /// Tells the coordinators that Teams refuses the bot's messages to an AP, who is paused, and which referrals they
    /// had not answered went back to the queue (by number).
    /// </summary>
    public static AdaptiveCard ApUnreachable(string apName, IReadOnlyList<string> returnedReferrals, CultureInfo culture)
    {
        var t = Texts.For(culture);
        IEnumerable<CardElement> returned = returnedReferrals.Count == 0 ? [] : [Blocks.Text(t.Format("ApUnreachable_Returned", string.Join(", ", returnedReferrals)))];
        return Blocks.Card([Blocks.Colored(t["ApUnreachable_Title"], TextColor.Warning), Blocks.Text(t.Format("ApUnreachable_Text", apName)), .. returned]);
    }

    /// <summary>Tells the coordinators an AP has not logged a contact since a date, even after a reminder.</summary>
    public static AdaptiveCard LogbookOverdue(string referralNumber, string patientCode, string apName, DateTimeOffset since, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Colored(t["LogbookOverdue_Title"], TextColor.Warning),
            Blocks.Text(t.Format("LogbookOverdue_Text", apName, patientCode, referralNumber, CardDates.Date(since))),
        ]);
    }

    /// <summary>Something failed on our side; nothing typed was lost and trying again is safe.</summary>
    public static AdaptiveCard Error(CultureInfo culture) => Notice(culture, "Error", TextColor.Attention);

    /// <summary>The same, as one line: what Teams shows over a clicked card it leaves as it was, inputs and all.</summary>
    public static string ErrorMessage(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return $"{t["Error_Title"]}. {t["Error_Text"]}";
    }

    /// <summary>Repeats what was typed (literally, not as markdown) and suggests help.</summary>
    public static AdaptiveCard UnknownCommand(string text, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var typed = text.Trim();
        if (typed.Length > MaxEchoedLength)
        {
            typed = typed[..MaxEchoedLength] + "…";
        }

        IEnumerable<CardElement> echo = typed.Length > 0 ? [Blocks.Typed(typed)] : [];
        return Blocks.Card(
        [
            Blocks.Colored(t["UnknownCommand_Title"], null),
            .. echo,
            Blocks.Text(t["UnknownCommand_Text"]),
        ]);
    }

    private const int MaxEchoedLength = 200;

    private static AdaptiveCard Notice(CultureInfo culture, string key, TextColor? color)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Colored(t[$"{key}_Title"], color), Blocks.Text(t[$"{key}_Text"])]);
    }
}
