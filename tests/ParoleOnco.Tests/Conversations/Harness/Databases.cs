namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The databases conversation tests run on. PostgreSQL tests need a server (CI starts one and sets
/// PAROLEONCO_TEST_POSTGRES); without it they are skipped with a message, unless
/// PAROLEONCO_REQUIRE_ALL_TESTS=1, where a missing server is a failure.
/// </summary>
public static class Databases
{
    public static Task<TestDatabase> Sqlite() => TestDatabase.SqliteAsync();

    public static Task<TestDatabase> Postgres()
    {
        if (TestDatabase.PostgresServer is null)
        {
            var required = Environment.GetEnvironmentVariable("PAROLEONCO_REQUIRE_ALL_TESTS") == "1";
            Assert.False(required, $"PostgreSQL tests are required here but {TestDatabase.PostgresVariable} is not set.");
            Skip.If(true, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to a connection string (.ci/run does) to run this test on PostgreSQL.");
        }

        return TestDatabase.PostgresAsync();
    }
}
