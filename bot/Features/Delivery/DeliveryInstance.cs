namespace ParoleOnco.Features.Delivery;

/// <summary>This bot instance, as outbox claims name it: two instances never hold the same message.</summary>
public sealed record DeliveryInstance(string Name)
{
    public static DeliveryInstance Create() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
