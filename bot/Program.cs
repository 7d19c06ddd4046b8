using Microsoft.Bot.Builder.Integration.AspNet.Core;
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
