namespace ParoleOnco.Features.Community;

/// <summary>
/// The one Teams channel of the community of practice, where every establishment's APs and coordinators read the tips
/// APs share: one row for the whole program, moved by binding another channel.
/// </summary>
public sealed class CommunityChannel
{
    /// <summary>The row's key: there is one community channel.</summary>
    public const string ProgramWide = "program";

    public string Id { get; init; } = ProgramWide;
    public required string TeamId { get; set; }
    public required string ChannelId { get; set; }
    public required string BoundByAadObjectId { get; set; }
    public required string BoundByName { get; set; }
    public DateTimeOffset BoundAt { get; set; }
}
