using System.Net;

namespace ParoleOnco.Teams;

/// <summary>
/// Without an app id the SDK authenticates nobody: anyone reaching the port could claim any identity and point the
/// bot's replies anywhere. That mode is for a developer's machine, so it answers a loopback connection only, and
/// nothing a proxy relayed: a same-host proxy would make a remote caller look local.
/// </summary>
internal static class LocalOnly
{
    // X-Original-* are left by ASP.NET Core's forwarded-headers middleware when it consumed the X-Forwarded-* ones.
    private static readonly string[] RelayHeaders =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix",
        "X-Original-For", "X-Original-Host", "X-Original-Proto", "X-Original-Prefix", "X-Real-IP", "Via",
    ];

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var anonymous = http.RequestServices.GetRequiredService<BotIdentity>().AppId.Length == 0;
        return anonymous && !IsLocalDirect(http)
            ? Results.StatusCode(StatusCodes.Status403Forbidden)
            : await next(context);
    }

    private static bool IsLocalDirect(HttpContext http) =>
        http.Features.Get<ConnectionOrigin>()?.RemoteAddress is { } origin
        && IPAddress.IsLoopback(origin)
        && http.Connection.RemoteIpAddress is { } remote
        && IPAddress.IsLoopback(remote)
        && !RelayHeaders.Any(http.Request.Headers.ContainsKey);
}
