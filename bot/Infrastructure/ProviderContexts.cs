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

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; UTC ticks can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresParoleOncoDbContext(DbContextOptions<PostgresParoleOncoDbContext> options)
    : ParoleOncoDbContext(options);
