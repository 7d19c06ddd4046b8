namespace ParoleOnco.Teams;

/// <summary>
/// The remote address of the connection itself, taken before any middleware (forwarded headers) rewrites
/// <c>HttpContext.Connection.RemoteIpAddress</c>; null on a Unix socket or a pipe.
/// </summary>
public sealed record ConnectionOrigin(System.Net.IPAddress? RemoteAddress)
{
    /// <summary>Registered first among the startup filters, so it runs before the forwarded-headers middleware's.</summary>
    internal sealed class Capture : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Features.Set(new ConnectionOrigin(http.Connection.RemoteIpAddress));
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
