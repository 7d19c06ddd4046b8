using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// Microsoft Graph on loopback, serving the messages a test's <see cref="ConnectorRecorder"/> recorded the way Graph
/// shapes them (chatMessage: id, dates, <c>from.application</c>, <c>attachments[].content</c> as a JSON string,
/// paged with <c>@odata.nextLink</c>). One server for the whole run: each bot is configured with a base URL of its
/// own (from its database), and a test shows its recorder there with <see cref="Serve"/>. A bot whose test showed
/// nothing gets 403, as without consent: Graph cannot be asked.
/// </summary>
public static class GraphStandIn
{
    private static readonly Lazy<WebApplication> Server = new(Start);
    private static readonly ConcurrentDictionary<string, Shown> Tests = new();
    private static readonly ConcurrentDictionary<string, DirectoryStandIn> Directories = new();

    public static string BaseUrlFor(TestDatabase database) => $"{Server.Value.Urls.Single().TrimEnd('/')}/{Key(database)}/v1.0";

    /// <summary>Graph lists a new message this long after it shows (on the recorder's clock), as the real one does.</summary>
    public static readonly TimeSpan DefaultListingDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Graph answers this test's bot from this recorder: its first <paramref name="failFirst"/> requests get 503, then
    /// <paramref name="failWith"/> answers every request if set; messages are listed <paramref name="listingDelay"/>
    /// after they were posted (default <see cref="DefaultListingDelay"/>).
    /// </summary>
    public static void Serve(TestDatabase database, ConnectorRecorder recorder, int failFirst = 0, int? failWith = null, TimeSpan? listingDelay = null) =>
        Tests[Key(database)] = new Shown(recorder, failFirst, failWith, listingDelay ?? DefaultListingDelay);

    /// <summary>The users and groups this test's bot finds (<c>userType</c>, <c>checkMemberGroups</c>).</summary>
    public static DirectoryStandIn Directory(TestDatabase database) => Directories.GetOrAdd(Key(database), _ => new DirectoryStandIn());

    /// <summary>Requests this test's bot made to Graph.</summary>
    public static int Requests(TestDatabase database) => Tests.TryGetValue(Key(database), out var shown) ? shown.Requests : 0;

    private static string Key(TestDatabase database) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(database.ConnectionString)))[..16];

    private static WebApplication Start()
    {
        var app = LoopbackServer.Create();
        MapPeople(app);
        app.MapPost("/{key}/v1.0/users/{user}/checkMemberGroups", async (string key, string user, HttpContext context) =>
        {
            var directory = Directories.GetOrAdd(key, _ => new DirectoryStandIn());
            var asked = (await JsonNode.ParseAsync(context.Request.Body))?["groupIds"]?.AsArray().Select(g => g!.GetValue<string>()).ToList() ?? [];
            return !directory.Answers() ? Error(503, "ServiceUnavailable", "As configured by the test.")
                : asked.Count > 20 ? Error(400, "Request_BadRequest", "At most 20 groups.")
                : Results.Json(new { value = directory.GroupsOf(user, asked).ToArray() });
        });
        app.MapGet("/{key}/v1.0/chats/{chatId}/messages", (string key, string chatId, HttpContext context) =>
            Answer(key, context, recorder => ChatMessages(recorder, chatId), filtered: true));
        app.MapGet("/{key}/v1.0/teams/{groupId}/channels/{channelId}/messages", (string key, string groupId, string channelId, HttpContext context) =>
            Answer(key, context, recorder => recorder.TeamOfGroup(groupId) is null ? null : Messages(recorder, c => c.ConversationId == channelId), filtered: false));
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    /// <summary>
    /// People, the app catalog and installations. A test that showed its recorder (<see cref="Serve"/>) finds the app
    /// installed for everyone, as for people who wrote to the bot; one that added people (<see cref="DirectoryStandIn.AddPerson"/>)
    /// finds it installed for those it says, and installs it for others.
    /// </summary>
    private static void MapPeople(WebApplication app)
    {
        app.MapGet("/{key}/v1.0/users/{user}/teamwork/installedApps", (string key, string user, HttpContext context) =>
            Directories.GetOrAdd(key, _ => new DirectoryStandIn()) is var directory && directory.Throttled() ? Throttled()
            : !context.Request.Query["$filter"].ToString().StartsWith("teamsApp/externalId eq ", StringComparison.Ordinal) ? Error(400, "BadRequest", "Filter expected.")
            : directory.PersonOf(user) is not null ? Results.Json(new { value = directory.IsInstalledFor(user) ? new[] { new { id = $"installation-{user}" } } : [] })
            : Tests.ContainsKey(key) ? Results.Json(new { value = new[] { new { id = $"installation-{user}" } } })
            : Error(403, "Forbidden", "Missing role permissions on the request."));
        app.MapPost("/{key}/v1.0/users/{user}/teamwork/installedApps", async (string key, string user, HttpContext context) =>
        {
            var directory = Directories.GetOrAdd(key, _ => new DirectoryStandIn());
            var bind = (await JsonNode.ParseAsync(context.Request.Body))?["teamsApp@odata.bind"]?.GetValue<string>() ?? "";
            return directory.Throttled() ? Throttled()
                : !directory.KnowsPeople ? Error(403, "Forbidden", "Missing role permissions on the request.")
                : directory.PersonOf(user) is null ? Error(404, "NotFound", "No such user.")
                : !bind.EndsWith($"/appCatalogs/teamsApps/{CatalogId}", StringComparison.Ordinal) ? Error(400, "BadRequest", "Unknown app.")
                : directory.Install(user) ? Results.Json(new { id = $"installation-{user}" }, statusCode: 201)
                : Error(409, "Conflict", "App is already installed.");
        });
        app.MapGet("/{key}/v1.0/users/{user}/teamwork/installedApps/{installation}/chat", (string key, string user, string installation) =>
        {
            var directory = Directories.GetOrAdd(key, _ => new DirectoryStandIn());
            var installed = directory.PersonOf(user) is not null ? directory.IsInstalledFor(user) && !directory.ChatNotYetNamed : Tests.ContainsKey(key);
            return directory.Throttled() ? Throttled()
                : installed && installation == $"installation-{user}" ? Results.Json(new { id = ChatIdOf(user), chatType = "oneOnOne" })
                : Error(404, "NotFound", "No such installation.");
        });
        app.MapGet("/{key}/v1.0/appCatalogs/teamsApps", (string key, HttpContext context) =>
        {
            var directory = Directories.GetOrAdd(key, _ => new DirectoryStandIn());
            var filter = context.Request.Query["$filter"].ToString();
            return directory.Throttled() ? Throttled()
                : !directory.KnowsPeople || directory.CatalogForbidden ? Error(403, "Forbidden", "Missing role permissions on the request.")
                : filter.StartsWith("externalId eq '", StringComparison.Ordinal) ? Results.Json(new { value = new[] { new { id = CatalogId, externalId = filter[15..^1] } } })
                : Error(400, "BadRequest", "Filter expected.");
        });
        app.MapGet("/{key}/v1.0/users/{user}", (string key, string user) =>
        {
            var directory = Directories.GetOrAdd(key, _ => new DirectoryStandIn());
            if (!directory.Answers())
            {
                return Error(503, "ServiceUnavailable", "As configured by the test.");
            }

            return directory.Throttled() ? Throttled()
                : directory.PersonOf(user) is { } person ? Results.Json(new { id = person.Id, displayName = person.DisplayName, preferredLanguage = person.PreferredLanguage, userType = directory.UserTypeOf(person.Id) })
                : user.Contains('@', StringComparison.Ordinal) ? Error(404, "Request_ResourceNotFound", $"Resource '{user}' does not exist.")
                : Results.Json(new { id = user, userType = directory.UserTypeOf(user) });
        });
    }

    /// <summary>The 1:1 chat Graph names for the bot's installation for a person.</summary>
    public static string ChatIdOf(string aadObjectId) => $"19:{aadObjectId}_bot@unq.gbl.spaces";

    /// <summary>The app's id in the stand-in's tenant catalog.</summary>
    public const string CatalogId = "catalog-app-1";

    private static IResult Throttled()
    {
        var result = Error(429, "TooManyRequests", "Throttled.");
        return new RetryAfter(result);
    }

    private sealed class RetryAfter(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static IResult Answer(string key, HttpContext context, Func<ConnectorRecorder, List<JsonObject>?> messagesOf, bool filtered)
    {
        if (!Tests.TryGetValue(key, out var shown))
        {
            return Error(403, "Forbidden", "Missing role permissions on the request.");
        }

        if (shown.Fails() is { } status)
        {
            return Error(status, status == 503 ? "ServiceUnavailable" : "Refused", "As configured by the test.");
        }

        if (messagesOf(shown.Recorder) is not { } messages)
        {
            return Error(404, "NotFound", "No such chat or team.");
        }

        var listedBefore = shown.Recorder.Clock.GetUtcNow() - shown.ListingDelay;
        messages = [.. messages.Where(m => DateTimeOffset.Parse(m["createdDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture) <= listedBefore)];

        var query = context.Request.Query;
        if (filtered && query["$filter"].ToString() is { Length: > 0 } filter)
        {
            // The only filter the bot sends: "lastModifiedDateTime gt <date>".
            var after = DateTimeOffset.Parse(filter.Split(' ')[2], CultureInfo.InvariantCulture);
            messages = [.. messages.Where(m => DateTimeOffset.Parse(m["lastModifiedDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture) > after)];
        }

        // Chats order as asked ($orderby lastModifiedDateTime desc); channels list their threads last modified first.
        messages = [.. messages.OrderByDescending(m => m["lastModifiedDateTime"]!.GetValue<string>(), StringComparer.Ordinal)];
        var top = int.TryParse(query["$top"], out var t) ? t : 20;
        var skip = int.TryParse(query["$skiptoken"], out var s) ? s : 0;
        var page = new JsonObject { ["value"] = new JsonArray([.. messages.Skip(skip).Take(top)]) };
        if (skip + top < messages.Count)
        {
            var rest = string.Join('&', query.Where(q => q.Key != "$skiptoken").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
            page["@odata.nextLink"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{rest}&$skiptoken={skip + top}";
        }

        return Results.Text(page.ToJsonString(), "application/json");
    }

    /// <summary>A 1:1 chat with the bot, named <c>19:{user}_{bot}@unq.gbl.spaces</c>: the user's cards, wherever the connector put them.</summary>
    private static List<JsonObject>? ChatMessages(ConnectorRecorder recorder, string chatId)
    {
        if (!chatId.StartsWith("19:", StringComparison.Ordinal) || !chatId.EndsWith("@unq.gbl.spaces", StringComparison.Ordinal))
        {
            return null;
        }

        var user = chatId[3..chatId.IndexOf('_', StringComparison.Ordinal)];
        var conversations = recorder.Calls
            .Where(c => c.Method == "POST" && c.Body?["recipient"]?["aadObjectId"]?.GetValue<string>() == user)
            .Select(c => c.ConversationId)
            .ToHashSet();
        return Messages(recorder, c => conversations.Contains(c.ConversationId));
    }

    /// <summary>Every message the bot posted in a conversation, as it shows now (its last update), with its dates.</summary>
    private static List<JsonObject> Messages(ConnectorRecorder recorder, Func<ConnectorCall, bool> inConversation)
    {
        var calls = recorder.Calls.Where(c => c.Method is "POST" or "PUT" && inConversation(c)).ToList();
        return [.. calls.Where(c => c.Method == "POST").Select(post =>
        {
            var last = calls.Last(c => c.ActivityId == post.ActivityId);
            return ChatMessage(post, last, recorder.DeletedAt(post.ActivityId!));
        })];
    }

    private static JsonObject ChatMessage(ConnectorCall post, ConnectorCall last, DateTimeOffset? deletedAt) => new()
    {
        ["id"] = post.ActivityId,
        ["messageType"] = "message",
        ["createdDateTime"] = Date(post.At),
        ["lastModifiedDateTime"] = Date(deletedAt ?? last.At),
        ["deletedDateTime"] = deletedAt is { } at ? Date(at) : null,
        ["from"] = new JsonObject
        {
            ["user"] = null,
            ["application"] = new JsonObject
            {
                ["id"] = post.Body?["from"]?["id"]?.GetValue<string>(),
                ["displayName"] = post.Body?["from"]?["name"]?.GetValue<string>(),
                ["applicationIdentityType"] = "bot",
            },
        },
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<attachment id=\"1\"></attachment>" },
        ["attachments"] = new JsonArray([.. (last.Body?["attachments"]?.AsArray() ?? []).Select((a, i) => (JsonNode)new JsonObject
        {
            ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["contentType"] = a?["contentType"]?.GetValue<string>(),
            ["content"] = a?["content"]?.ToJsonString(),
        })]),
    };

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    private sealed class Shown(ConnectorRecorder recorder, int failFirst, int? failWith, TimeSpan listingDelay)
    {
        private int requests;

        public ConnectorRecorder Recorder => recorder;

        public TimeSpan ListingDelay => listingDelay;

        public int Requests => Volatile.Read(ref requests);

        /// <summary>The status this request fails with, if it does.</summary>
        public int? Fails() => Interlocked.Increment(ref requests) <= failFirst ? 503 : failWith;
    }
}
