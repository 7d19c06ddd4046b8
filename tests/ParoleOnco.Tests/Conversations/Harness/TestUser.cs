namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// A Teams user as the connector and the activities name them, with the language of their client. <see cref="TenantId"/>
/// is the tenant their activities and roster entries name (empty: none at all); <see cref="IsGuest"/>, a guest account.
/// </summary>
public sealed record TestUser(string Name, string AadObjectId, string TeamsId, string Locale)
{
    public string TenantId { get; init; } = TeamsPayloads.TenantId;

    public bool IsGuest { get; init; }

    public string PersonalConversationId => $"a:personal-{TeamsId}";

    public static TestUser Create(string name, string locale, int number) =>
        new(name, $"00000000-0000-0000-0000-{number:D12}", $"29:user-{number}", locale);
}
