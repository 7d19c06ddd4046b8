using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;

namespace ParoleOnco.Tests.Features.Conversations;

/// <summary>The route tables the bot really registers: built, never started, no database opened.</summary>
public class BotRouteTableTests
{
    // Built once: the tables are fixed at startup, and building the host costs about a second.
    private static readonly Lazy<(IReadOnlyCollection<string> Verbs, IReadOnlyList<string>[] Words, (string Verb, string Built)[] Routes)> Tables = new(() =>
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration["ConnectionStrings:ParoleOnco"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"paroleonco-routes-{Guid.NewGuid():N}.db")}";
        builder.Configuration["ParoleOnco:Establishments:0:Id"] = "E1";
        builder.Configuration["ParoleOnco:Establishments:0:Name"] = "CHUM";
        builder.Configuration["ParoleOnco:Establishments:0:Programs:0"] = "breast";
        builder.Services.AddParoleOnco(builder.Configuration, builder.Environment);
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();

        // Reading the table is what RouteTableCheck does at startup: a duplicate throws here.
        var routes = app.Services.GetRequiredService<RouteTable>();
        var words = scope.ServiceProvider.GetServices<ICommandHandler>().Select(h => h.Words).ToArray();
        var built = routes.Verbs.Select(verb => (verb, routes.VerbHandler(verb)!(scope.ServiceProvider).Verb)).ToArray();
        return ([.. routes.Verbs], words, built);
    });

    private static IEnumerable<string> AllCardVerbs() =>
        typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void The_bot_builds_its_route_tables_without_a_duplicate_verb_or_command_word()
    {
        Assert.NotEmpty(Tables.Value.Verbs);
    }

    [Fact]
    public void Each_verb_s_route_builds_in_a_turn_the_handler_of_that_verb()
    {
        Assert.All(Tables.Value.Routes, route => Assert.Equal(route.Verb, route.Built));
    }

    [Fact]
    public void Every_verb_a_card_can_send_has_a_handler_and_no_handler_waits_for_a_verb_no_card_sends()
    {
        Assert.Equal(AllCardVerbs().Order(), Tables.Value.Verbs.Order());
    }

    [Fact]
    public void Every_command_word_is_a_single_word_since_only_the_first_typed_word_is_looked_up()
    {
        Assert.All(Tables.Value.Words.SelectMany(w => w), word => Assert.Matches(@"^\S+$", word));
    }

    [Theory]
    [InlineData("help", "aide")]
    [InlineData("refer", "référer")]
    [InlineData("referrals", "références")]
    [InlineData("queue", "attente")]
    [InlineData("file", "dossier")]
    [InlineData("logbook", "journal")]
    [InlineData("join", "inscription")]
    [InlineData("setup", "configurer")]
    [InlineData("stats", "statistiques")]
    public void A_command_answers_to_its_English_and_its_French_word(string english, string french)
    {
        Assert.Contains(Tables.Value.Words, list => list.Contains(english) && list.Contains(french));
    }

    [Fact]
    public void Every_command_the_Teams_app_suggests_in_either_language_is_a_command_word()
    {
        var manifestFolder = Path.Combine(RepositoryRoot(), "manifest");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(manifestFolder, "manifest.json")));
        using var french = JsonDocument.Parse(File.ReadAllText(Path.Combine(manifestFolder, "fr-CA.json")));
        var suggested = manifest.RootElement.GetProperty("bots").EnumerateArray()
            .SelectMany(bot => bot.GetProperty("commandLists").EnumerateArray())
            .SelectMany(list => list.GetProperty("commands").EnumerateArray())
            .Select(command => command.GetProperty("title").GetString()!)
            .Concat(french.RootElement.EnumerateObject()
                .Where(p => p.Name.Contains(".commandLists[") && p.Name.EndsWith(".title", StringComparison.Ordinal))
                .Select(p => p.Value.GetString()!))
            .ToArray();
        var routed = Tables.Value.Words.SelectMany(w => w).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(suggested);
        Assert.All(suggested, title => Assert.Contains(title, routed));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ParoleOnco.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ParoleOnco.sln above {AppContext.BaseDirectory}.");
    }
}
