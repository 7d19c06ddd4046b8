using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParoleOnco.Infrastructure;

// Used only by `dotnet ef migrations add`; the running bot configures its context in DatabaseServices.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteParoleOncoDbContext>
{
    public SqliteParoleOncoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteParoleOncoDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresParoleOncoDbContext>
{
    public PostgresParoleOncoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresParoleOncoDbContext>().UseNpgsql("Host=localhost").Options);
}
