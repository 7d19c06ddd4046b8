using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ParoleOnco.Infrastructure;

public sealed class SqliteParoleOncoDbContext : ParoleOncoDbContext
{
    public SqliteParoleOncoDbContext(DbContextOptions<SqliteParoleOncoDbContext> options)
        : base(options)
    {
        // Even a one-statement save gets a transaction, so it waits its turn at the SqliteWriteGate like every write.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>
    /// Opening a connection from the pool sets SQLite's busy timeout and EF's functions up again (~0.07 ms, more than
    /// many of a turn's statements): a turn keeps one.
    /// </summary>
    public override async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(this);
    }

    private sealed class HeldConnection(SqliteParoleOncoDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; UTC ticks can, and a month is a range of them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>
/// An instant as its UTC ticks: ordered, comparable and bucketed by plain integer arithmetic in SQL. The offset is
/// not kept (every instant the bot writes comes from <see cref="TimeProvider.GetUtcNow"/>); instants read back are UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    at => at.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

public sealed class PostgresParoleOncoDbContext(DbContextOptions<PostgresParoleOncoDbContext> options)
    : ParoleOncoDbContext(options);
