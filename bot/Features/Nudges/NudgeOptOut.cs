namespace ParoleOnco.Features.Nudges;

/// <summary>A person who asked for no more reminders to refer: kept until they turn them back on.</summary>
public sealed class NudgeOptOut
{
    public required string AadObjectId { get; init; }
    public DateTimeOffset At { get; init; }
}
