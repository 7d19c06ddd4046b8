using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Features.Delivery;

/// <summary>A claim that expires without an outcome brings the message back, counted as tried, never as given up.</summary>
public sealed class OutboxClaimsTests : IAsyncLifetime
{
    private static readonly DeliveryOptions Settings = new() { MaxAttempts = 5, ClaimFor = TimeSpan.FromMinutes(2) };

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.MigratedSqliteAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_message_whose_claim_expired_comes_back_counted_as_tried()
    {
        await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        var claimed = Assert.Single(await ClaimAsync("second"));

        Assert.Equal(1, claimed.Attempts);
        Assert.Equal("second", claimed.ClaimedBy);
    }

    [Fact]
    public async Task Claims_that_expire_again_and_again_never_use_up_the_last_attempt()
    {
        await AddAsync(attempts: Settings.MaxAttempts - 1, claimedUntil: clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        var claimed = Assert.Single(await ClaimAsync("second"));

        Assert.Equal(Settings.MaxAttempts - 1, claimed.Attempts);
    }

    [Fact]
    public async Task A_message_claimed_by_a_live_instance_is_left_to_it()
    {
        await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        Assert.Empty(await ClaimAsync("second"));
    }

    private async Task AddAsync(int attempts, DateTimeOffset? claimedUntil)
    {
        await using var db = Context();
        db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientKind = RecipientKind.Person, RecipientId = "aad-1", Key = "key-1", ProtectedCard = "card",
            CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow(), Attempts = attempts,
            ClaimedBy = claimedUntil is null ? null : "first", ClaimedUntil = claimedUntil,
        });
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instance)
    {
        await using var db = Context();
        return await new OutboxClaims(db, new DeliveryInstance(instance), clock, Options.Create(Settings)).ClaimDueAsync(10, default);
    }

    private SqliteParoleOncoDbContext Context() => database.SqliteContext();
}
