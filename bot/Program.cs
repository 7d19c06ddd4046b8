using ParoleOnco;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Teams;

var builder = WebApplication.CreateBuilder(args);
if (BotIdentity.RefusalToStart(builder.Configuration, builder.Environment) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 1;
}

try
{
    builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);
}
catch (InvalidOperationException refused)
{
    // A configuration the bot will not run with (patient data keys left unprotected, a certificate it cannot read):
    // one line naming the setting, for whoever deploys it.
    Console.Error.WriteLine(refused.Message);
    return 1;
}

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.MapTeamsEdge();
app.MapHealthChecks("/healthz");
app.MapAuditExport();
app.MapStatsExports();
app.Run();
return 0;

/// <summary>Entry point, visible to the in-process conversation tests.</summary>
public partial class Program;
