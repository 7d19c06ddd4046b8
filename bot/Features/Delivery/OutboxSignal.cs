namespace ParoleOnco.Features.Delivery;

/// <summary>Wakes the dispatcher when a turn committed new messages, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another turn woke it in between: once is enough.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await signal.WaitAsync(timeout, cancellationToken);
}
