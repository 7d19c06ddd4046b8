namespace ParoleOnco.Tests.Conversations.Harness;

public enum ConnectorFault
{
    /// <summary>429 with <c>Retry-After: 1</c>: the connector refused the request.</summary>
    Throttled,

    /// <summary>503: the connector did not process the request.</summary>
    Unavailable,

    /// <summary>The answer comes, late.</summary>
    Slow,

    /// <summary>The connection is dropped before the connector reads the request.</summary>
    Dropped,

    /// <summary>403 BotNotInConversationRoster: the person removed the app; retrying never helps.</summary>
    Forbidden,

    /// <summary>403 ConversationBlockedByUser: the person blocked the bot without removing the app.</summary>
    Blocked,

    /// <summary>The connector processes the request (people see the card), then the connection drops before the answer.</summary>
    AnswerLost,

    /// <summary>The connector processes the request (people see the card), then a gateway answers 504.</summary>
    GatewayTimeoutAfterProcessing,

    /// <summary>The connector processes the request (people see the card) and never answers, until the caller gives up or dies.</summary>
    NeverAnswers,
}

/// <summary>
/// Which of the bot's posts and updates fail, and how:
/// every <paramref name="every"/>th request fails, taking the kinds in turn, so every kind is played and a run
/// replays exactly.
/// </summary>
public sealed class ConnectorFaults(int every, params ConnectorFault[] kinds)
{
    private readonly Lock gate = new();
    private readonly Dictionary<ConnectorFault, int> injected = [];
    private int requests;

    public IReadOnlyDictionary<ConnectorFault, int> Injected
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<ConnectorFault, int>(injected);
            }
        }
    }

    public int Requests
    {
        get
        {
            lock (gate)
            {
                return requests;
            }
        }
    }

    /// <summary>Only requests to this conversation fail, when set.</summary>
    public string? OnlyIn { get; init; }

    /// <summary>How many faults to inject at most; then every request succeeds.</summary>
    public int Times { get; init; } = int.MaxValue;

    public ConnectorFault? Next(string conversationId)
    {
        if (OnlyIn is not null && OnlyIn != conversationId)
        {
            return null;
        }

        lock (gate)
        {
            requests++;
            if (requests % every != 0 || injected.Values.Sum() >= Times)
            {
                return null;
            }

            var fault = kinds[(requests / every - 1) % kinds.Length];
            injected[fault] = injected.GetValueOrDefault(fault) + 1;
            return fault;
        }
    }
}
