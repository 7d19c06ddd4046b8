using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Features.Delivery;

/// <summary>A claim that expires without an outcome brings the message back, counted as tried, never as given up.</summary>
public sealed class OutboxClaimsTests : IAsyncLifetime
{
    private static readonly DeliveryOptions Settings = new() { MaxAttempts = 5, MaxFailures = 3, ClaimFor = TimeSpan.FromSeconds(15) };

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
        await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() + TimeSpan.FromSeconds(10));

        Assert.Empty(await ClaimAsync("second"));
    }

    [Fact]
    public async Task A_message_whose_claims_keep_expiring_is_parked_instead_of_claimed_again()
    {
        await AddAsync(attempts: 1, claimedUntil: clock.GetUtcNow() - TimeSpan.FromSeconds(1), failures: Settings.MaxFailures - 1);

        Assert.Empty(await ClaimAsync("second"));

        var parked = await ReadAsync();
        Assert.Equal((OutboxStatus.Parked, Settings.MaxFailures, "ClaimExpired"), (parked.Status, parked.Failures, parked.LastError));
        Assert.Null(parked.ClaimedUntil);
    }

    [Fact]
    public async Task Renewing_extends_this_instances_live_claims_only()
    {
        var mine = await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() + TimeSpan.FromSeconds(5), claimedBy: "me");
        var mineExpired = await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() - TimeSpan.FromSeconds(1), claimedBy: "me");
        var theirs = await AddAsync(attempts: 0, claimedUntil: clock.GetUtcNow() + TimeSpan.FromSeconds(5), claimedBy: "other");

        await using (var db = Context())
        {
            Assert.Equal(1, await new OutboxClaims(db, new DeliveryInstance("me"), clock, Options.Create(Settings)).RenewAsync(default));
        }

        Assert.Equal(clock.GetUtcNow() + Settings.ClaimFor, (await ReadAsync(mine)).ClaimedUntil);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(1), (await ReadAsync(mineExpired)).ClaimedUntil); // another may hold it now
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(5), (await ReadAsync(theirs)).ClaimedUntil);
        Assert.Equal(0, (await ReadAsync(mine)).Version); // sends in flight hold the message by its version
    }

    private async Task<long> AddAsync(int attempts, DateTimeOffset? claimedUntil, int failures = 0, string claimedBy = "first")
    {
        await using var db = Context();
        var message = new OutboxMessage
        {
            RecipientKind = RecipientKind.Person, RecipientId = "aad-1", Key = "key-1", ProtectedCard = "card",
            CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow(), Attempts = attempts, Failures = failures,
            ClaimedBy = claimedUntil is null ? null : claimedBy, ClaimedUntil = claimedUntil,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> ReadAsync(long? id = null)
    {
        await using var db = Context();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => id == null || m.Id == id);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instance)
    {
        await using var db = Context();
        return await new OutboxClaims(db, new DeliveryInstance(instance), clock, Options.Create(Settings)).ClaimDueAsync(10, default);
    }

    private SqliteParoleOncoDbContext Context() => database.SqliteContext();
}
