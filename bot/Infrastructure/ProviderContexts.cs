using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ParoleOnco.Infrastructure;

public sealed class SqliteParoleOncoDbContext(DbContextOptions<SqliteParoleOncoDbContext> options)
    : ParoleOncoDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; UTC ticks can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresParoleOncoDbContext(DbContextOptions<PostgresParoleOncoDbContext> options)
    : ParoleOncoDbContext(options);
