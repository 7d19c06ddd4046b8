using System.Diagnostics.CodeAnalysis;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.People;

namespace ParoleOnco.Features.Establishments;

/// <summary>Who sets a channel up, and where: an admin, in a team's channel. One rule for every kind of channel.</summary>
public static class ChannelSetup
{
    /// <returns>Whether the caller may set up the channel the request comes from; if not, the refusal they see.</returns>
    public static bool Allows(
        TurnRequest request, Roles roles, [NotNullWhen(true)] out ChannelAddress? channel, [NotNullWhen(false)] out TurnResult? refusal)
    {
        var (caller, place) = (request.Caller, request.Place);
        var inChannel = place is { Kind: PlaceKind.Channel, TeamId: not null, ChannelId: not null };
        channel = inChannel && roles.IsAdmin(caller) ? new ChannelAddress(place.TeamId!, place.ChannelId!) : null;
        refusal = channel is not null ? null
            : !inChannel ? TurnResult.Show(NoticeCards.SetupOnlyInChannel(caller.Culture)) with { Refused = Refusals.WrongPlace }
            : TurnResult.Show(NoticeCards.SetupRefused(caller.Culture)) with { Refused = Refusals.NotAdmin };
        return channel is not null;
    }
}
