using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Infrastructure;

/// <summary>The key ring sits in the database it protects: a certificate kept elsewhere is what a copy lacks.</summary>
public sealed class PatientDataKeysTests : IDisposable
{
    private const string Password = "test-pfx-password";
    private readonly string folder = Directory.CreateTempSubdirectory("paroleonco-keys-").FullName;

    [Fact]
    public async Task A_copy_of_the_database_alone_cannot_decrypt_the_phone_while_the_bot_with_its_certificate_can()
    {
        var (certificate, pfx) = MakeCertificate();
        await using var world = await World.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = Password,
        });
        await world.AcceptedReferralAsync();
        await world.Teams.SayAsync(world.Ap, "patients", World.Personal);
        var protectedPhone = await world.QueryAsync(db => db.Referrals.Select(r => r.ProtectedPhone).SingleAsync());
        var copy = Copy(world.Database);

        Assert.Contains("514 555-0199", CardQuery.Text(world.LastCallTo(world.Ap.PersonalConversationId).Card!));
        Assert.ThrowsAny<CryptographicException>(() => ProtectorOver(copy, certificate: null).Unprotect(protectedPhone));
        Assert.Equal("+15145550199", ProtectorOver(copy, certificate).Unprotect(protectedPhone));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void A_deployed_bot_without_key_protection_refuses_to_start_on_one_line_naming_the_setting(string environment)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Build(environment, appId: "3f1c2b7e-1111-4a4a-9c9c-123456789abc"));

        Assert.Contains("DataProtection:CertificatePath", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public async Task The_deployed_bot_process_without_key_protection_exits_with_one_line_naming_the_setting()
    {
        await using var database = await TestDatabase.SqliteAsync();

        var (exitCode, errors) = await BotProcess.RunToExitAsync(database, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppId"] = "3f1c2b7e-1111-4a4a-9c9c-123456789abc",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-used-before-the-refusal",
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("DataProtection:CertificatePath", line);
    }

    [Theory]
    [InlineData("Development", "3f1c2b7e-1111-4a4a-9c9c-123456789abc", null)]
    [InlineData("Production", "", null)]
    [InlineData("Production", "3f1c2b7e-1111-4a4a-9c9c-123456789abc", "true")]
    public void Development_local_anonymous_traffic_or_a_deliberate_choice_start_without_key_protection(string environment, string appId, string? allowUnprotected)
    {
        Build(environment, appId, ("DataProtection:AllowUnprotectedKeys", allowUnprotected));
    }

    [Fact]
    public void A_deployed_bot_with_its_certificate_starts()
    {
        var (_, pfx) = MakeCertificate();

        Build("Production", "3f1c2b7e-1111-4a4a-9c9c-123456789abc", ("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", Password));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_bot_naming_the_setting()
    {
        var (_, pfx) = MakeCertificate();

        var refusal = Assert.Throws<InvalidOperationException>(() => Build("Production", "", ("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", "wrong")));

        Assert.StartsWith("DataProtection:CertificatePath", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Registers the bot's services as Program.cs does; nothing is started, no database opened.</summary>
    private void Build(string environment, string appId, params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = folder });
        builder.Configuration["ConnectionStrings:ParoleOnco"] = $"Data Source={Path.Combine(folder, "bot.db")}";
        builder.Configuration["MicrosoftAppId"] = appId;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);
    }

    private (X509Certificate2 Certificate, string PfxPath) MakeCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ParoleOnco patient data keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return (X509CertificateLoader.LoadPkcs12FromFile(path, Password), path);
    }

    /// <summary>What someone who copied the database file gets: the file, consistent, without the bot or its settings.</summary>
    private string Copy(TestDatabase database)
    {
        var copy = Path.Combine(folder, "copy.db");
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $copy";
        command.Parameters.AddWithValue("$copy", copy);
        command.ExecuteNonQuery();
        return copy;
    }

    /// <summary>A fresh Data Protection provider over the copied key ring, as the six-line program of the issue built it.</summary>
    private static PatientDataProtector ProtectorOver(string databaseFile, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        services.AddDbContext<SqliteParoleOncoDbContext>(o => o.UseSqlite($"Data Source={databaseFile}"));
        var keys = services.AddDataProtection().SetApplicationName("ParoleOnco").PersistKeysToDbContext<SqliteParoleOncoDbContext>();
        if (certificate is not null)
        {
            keys.UnprotectKeysWithAnyCertificate(certificate);
        }

        return new PatientDataProtector(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
    }
}
