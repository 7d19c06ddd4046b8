using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Infrastructure;
using ParoleOnco.Infrastructure.Telemetry;
using ParoleOnco.Tests.Conversations.Harness;
using Locales = ParoleOnco.Features.Conversations.Locales;

namespace ParoleOnco.Tests.Features.Delivery;

/// <summary>One claimed message delivered: its claim, the other cards of its key, and what the sender is told.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private const string Me = "this-instance";
    private static readonly DeliveryOptions Settings = new() { ClaimFor = TimeSpan.FromMinutes(2), PollInterval = TimeSpan.FromSeconds(2) };

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));
    private readonly PatientDataProtector protector = new(new EphemeralDataProtectionProvider());
    private readonly Mock<ICardSender> sender = new();
    private readonly Mock<IAppInstaller> installer = new();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.MigratedSqliteAsync();
        sender.Setup(s => s.SendAsync(It.IsAny<OutgoingCard>(), It.IsAny<CancellationToken>())).ReturnsAsync(SendResult.Sent);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_message_reached_late_in_its_batch_renews_its_claim_before_it_is_sent()
    {
        var id = await AddAsync("key-1", claimedUntil: clock.GetUtcNow() + TimeSpan.FromSeconds(20));
        DateTimeOffset? claimWhileSending = null;
        sender.Setup(s => s.SendAsync(It.IsAny<OutgoingCard>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                claimWhileSending = await ReadAsync(id, m => m.ClaimedUntil);
                return SendResult.Sent;
            });

        await DeliverAsync(id);

        Assert.Equal(clock.GetUtcNow() + Settings.ClaimFor, claimWhileSending);
        Assert.Equal(OutboxStatus.Delivered, await ReadAsync(id, m => m.Status));
    }

    [Fact]
    public async Task A_message_whose_older_card_is_being_sent_waits_for_it_instead_of_posting_too()
    {
        await AddAsync("key-1", claimedUntil: clock.GetUtcNow() + TimeSpan.FromMinutes(1), claimedBy: "other-instance");
        var newer = await AddAsync("key-1", claimedUntil: clock.GetUtcNow() + Settings.ClaimFor);

        await DeliverAsync(newer);

        sender.Verify(s => s.SendAsync(It.IsAny<OutgoingCard>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(OutboxStatus.Pending, await ReadAsync(newer, m => m.Status));
        Assert.Null(await ReadAsync(newer, m => m.ClaimedUntil));
        Assert.Equal(0, await ReadAsync(newer, m => m.Attempts));
        Assert.Equal(clock.GetUtcNow() + Settings.PollInterval, await ReadAsync(newer, m => m.NextAttemptAt));
    }

    [Fact]
    public async Task A_card_whose_older_card_was_tried_is_looked_for_before_it_is_posted()
    {
        await AddAsync("key-1", claimedUntil: null, attempts: 1);
        var newer = await AddAsync("key-1", claimedUntil: clock.GetUtcNow() + Settings.ClaimFor);

        await DeliverAsync(newer);

        sender.Verify(s => s.SendAsync(It.Is<OutgoingCard>(c => c.MayBeShownSince != null), It.IsAny<CancellationToken>()), Times.Once);
    }

    private async Task<long> AddAsync(string key, DateTimeOffset? claimedUntil, string claimedBy = Me, int attempts = 0)
    {
        await using var db = Context();
        var message = new OutboxMessage
        {
            RecipientKind = RecipientKind.Person, RecipientId = "aad-1", Key = key, ProtectedCard = protector.Protect("{}"),
            CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow(), Attempts = attempts,
            ClaimedBy = claimedUntil is null ? null : claimedBy, ClaimedUntil = claimedUntil,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<T> ReadAsync<T>(long id, Func<OutboxMessage, T> read)
    {
        await using var db = Context();
        return read(await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
    }

    private async Task DeliverAsync(long id)
    {
        await using var db = Context();
        var options = Options.Create(Settings);
        using var limits = new DeliveryLimits(options);
        var establishments = Options.Create(new EstablishmentOptions());
        var catalog = new EstablishmentCatalog(establishments);
        var locales = new Locales(db, catalog, Mock.Of<IDirectory>());
        var candidates = new Candidates(db);
        var referrals = new ReferralPresenter(db, catalog, candidates, new Roles(establishments, Mock.Of<ICoordinatorRoster>(), db), locales, protector, clock);
        var unreachable = new UnreachableAp(db, referrals, new ApPresenter(catalog, candidates, locales, db), new AuditTrail(db, clock), locales, clock);
        var delivery = new OutboxDelivery(
            db, new DeliveryInstance(Me), sender.Object, limits, new DeliveryPipeline(options),
            new Outbox(db, protector, clock), protector, locales, unreachable, new Invitations(db, locales), installer.Object, clock,
            new DeliveryMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()), options,
            NullLogger<OutboxDelivery>.Instance);
        await delivery.DeliverAsync(new OutboxMessage { Id = id, RecipientKind = RecipientKind.Person, RecipientId = "", Key = "", ProtectedCard = "" }, default);
    }

    private SqliteParoleOncoDbContext Context() => database.SqliteContext();
}
