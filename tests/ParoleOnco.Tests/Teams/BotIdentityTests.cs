using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ParoleOnco.Teams;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Teams;

/// <summary>The bot's identity is checked before anything starts: one line per problem, each naming its key.</summary>
public sealed class BotIdentityTests : IDisposable
{
    private const string AppId = "3f1c2b7e-1111-4a4a-9c9c-123456789abc";
    private const string TenantId = "00000000-0000-0000-0000-000000000001";
    private readonly string folder = Directory.CreateTempSubdirectory("paroleonco-identity-").FullName;

    [Fact]
    public void A_multi_tenant_bot_is_refused_on_one_line()
    {
        var refusal = RefusalOf(("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s"), ("MicrosoftAppTenantId", TenantId));

        Assert.Equal(["MicrosoftAppType=MultiTenant is refused: Azure no longer creates multi-tenant bots; use SingleTenant (a secret or a certificate) or UserAssignedMSI."], refusal);
    }

    [Fact]
    public void An_app_id_without_a_credential_is_refused_naming_the_keys_to_set()
    {
        var refusal = Assert.Single(RefusalOf(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId)));

        Assert.StartsWith("MicrosoftAppId is set without a credential", refusal);
        Assert.Contains("MicrosoftAppPassword", refusal);
    }

    [Fact]
    public void A_single_tenant_bot_without_its_tenant_is_refused()
    {
        var refusal = Assert.Single(RefusalOf(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s")));

        Assert.StartsWith("MicrosoftAppTenantId is not set", refusal);
    }

    [Fact]
    public void Each_problem_has_its_own_line()
    {
        var refusal = RefusalOf(("MicrosoftAppId", AppId));

        Assert.Collection(refusal, l => Assert.StartsWith("MicrosoftAppTenantId", l), l => Assert.StartsWith("MicrosoftAppId is set without a credential", l));
    }

    [Fact]
    public void A_certificate_that_does_not_load_is_refused_naming_its_key()
    {
        var path = Path.Combine(folder, "bot.pfx");
        File.WriteAllText(path, "not a certificate");

        var refusal = Assert.Single(RefusalOf(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppCertificatePath", path)));

        Assert.StartsWith("MicrosoftAppCertificatePath does not load", refusal);
    }

    [Fact]
    public void A_certificate_with_a_wrong_password_is_refused()
    {
        var path = Certificate("right");

        var refusal = Assert.Single(RefusalOf(
            ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppCertificatePath", path), ("MicrosoftAppCertificatePassword", "wrong")));

        Assert.StartsWith("MicrosoftAppCertificatePath does not load", refusal);
    }

    [Fact]
    public void A_certificate_that_loads_with_its_key_is_accepted()
    {
        var path = Certificate("right");

        Assert.Empty(RefusalOf(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppCertificatePath", path), ("MicrosoftAppCertificatePassword", "right")));
    }

    [Fact]
    public void A_key_vault_certificate_address_must_name_a_certificate()
    {
        var refusal = Assert.Single(RefusalOf(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppKeyVaultCertificateUri", "https://vault.example/secrets/x")));

        Assert.StartsWith("MicrosoftAppKeyVaultCertificateUri", refusal);
    }

    [Fact]
    public void A_managed_identity_needs_no_secret_and_refuses_one()
    {
        Assert.Empty(RefusalOf(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId)));
        Assert.Single(RefusalOf(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppPassword", "s")));
    }

    [Fact]
    public void Without_an_app_id_only_Development_starts()
    {
        Assert.Empty(RefusalOf(environment: "Development"));
        Assert.StartsWith("MicrosoftAppId is not set", Assert.Single(RefusalOf(environment: "Production")));
    }

    [Fact]
    public async Task A_bot_with_a_user_assigned_managed_identity_and_no_secret_starts_and_authenticates_callers()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], appId: AppId, settings: new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppPassword"] = "",
        });

        var response = await bot.CreateClient().PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"serviceUrl\":\"https://smba.trafficmanager.net/teams/\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_bot_process_with_a_multi_tenant_identity_exits_with_one_line()
    {
        await using var database = await TestDatabase.SqliteAsync();

        var (exitCode, errors) = await BotProcess.RunToExitAsync(database, new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "s",
            ["MicrosoftAppTenantId"] = TenantId,
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("MicrosoftAppType=MultiTenant", Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    [Theory]
    [InlineData("Graph:BaseUrl", "graph.example")]
    [InlineData("Graph:AuthorityHost", "login")]
    [InlineData("Directory:CacheFor", "-00:01:00")]
    public async Task Graph_and_directory_settings_are_checked_at_start_naming_the_key(string key, string value)
    {
        await using var database = await TestDatabase.SqliteAsync();
        var logs = new CapturedLogs(LogLevel.Error);
        await using var bot = new BotApp(database, new FakeTimeProvider(), [], settings: new Dictionary<string, string> { [key] = value }, logs: logs);

        // The host refuses to start; WebApplicationFactory's deferred host sometimes reports it as its own disposal,
        // so the refusal is read where the host logs it.
        Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains(logs.Lines, line => line.Contains(nameof(Microsoft.Extensions.Options.OptionsValidationException), StringComparison.Ordinal) && line.Contains(key, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IReadOnlyList<string> RefusalOf(params (string Key, string Value)[] settings) => RefusalOf("Production", settings);

    private static IReadOnlyList<string> RefusalOf(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var refusal = BotIdentity.RefusalToStart(configuration, new HostingEnvironment { EnvironmentName = environment });
        return refusal?.Split(Environment.NewLine) ?? [];
    }

    private string Certificate(string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=ParoleOnco bot (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "bot.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
