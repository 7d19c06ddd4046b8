namespace ParoleOnco.Features.Establishments;

/// <summary>The Teams channel where an establishment's coordinators work: its team's members are the coordinators.</summary>
public sealed class CoordinatorChannel
{
    public required string EstablishmentId { get; init; }
    public required string TeamId { get; set; }
    public required string ChannelId { get; set; }
    public required string BoundByAadObjectId { get; set; }
    public required string BoundByName { get; set; }
    public DateTimeOffset BoundAt { get; set; }
}
