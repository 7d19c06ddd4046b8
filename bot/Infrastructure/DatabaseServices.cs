using Microsoft.EntityFrameworkCore;

namespace ParoleOnco.Infrastructure;

public static class DatabaseServices
{
    public const string ConnectionStringName = "ParoleOnco";

    public static IServiceCollection AddParoleOncoDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured ? configured : null;

        // Options are built once, not for every turn's context: building them was a tenth of a small turn's CPU.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is Postgres: set ConnectionStrings:{ConnectionStringName}.");
            }

            services.AddDbContext<ParoleOncoDbContext, PostgresParoleOncoDbContext>(
                o => o.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            connectionString ??= DefaultSqlite(environment);
            SqliteFiles.MakeOwnerOnly(connectionString);
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContext<ParoleOncoDbContext, SqliteParoleOncoDbContext>(
                (provider, o) => o.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout(), provider.GetRequiredService<SqliteWriteGate>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }

        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private static string DefaultSqlite(IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "paroleonco.db")}";
    }
}
