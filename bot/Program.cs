using ParoleOnco;
using ParoleOnco.Features.Audit;
using ParoleOnco.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapTeamsEdge();
app.MapHealthChecks("/healthz");
app.MapAuditExport();
app.Run();

/// <summary>Entry point, visible to the in-process conversation tests.</summary>
public partial class Program;
