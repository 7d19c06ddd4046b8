using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ParoleOnco.Teams;

/// <summary>
/// <c>/api/messages</c>: a body no larger than Teams sends, read before the SDK parses it; every refusal or failure
/// answered with a status and an empty body (never a stack trace, whatever the environment).
/// </summary>
public sealed partial class MessagesEndpoint
{
    public const string RateLimitPolicy = "per-client";

    internal static async Task HandleAsync(
        HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<EdgeOptions> options, ILogger<MessagesEndpoint> logger, CancellationToken cancellationToken)
    {
        try
        {
            if (!await BufferBodyAsync(http, options.Value.MaxActivityBytes, cancellationToken))
            {
                LogTooLarge(logger, options.Value.MaxActivityBytes);
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await adapter.ProcessAsync(http.Request, http.Response, bot, cancellationToken);
        }
        catch (ActivityRefused refused) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = refused.Status;
        }
        catch (Newtonsoft.Json.JsonException) when (!http.Response.HasStarted)
        {
            LogUnreadable(logger);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
        {
            // Kestrel's own refusals while the body is read: a malformed chunk, a body over its limit.
            http.Response.StatusCode = bad.StatusCode;
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            // The type only, as for failed turns: messages of database or connector exceptions may quote patient data.
            LogFailed(logger, e.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into memory, the declared length checked first; false if the body
    /// is larger. Chunked bodies have no declared length, so the count decides.
    /// </summary>
    private static async Task<bool> BufferBodyAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return false;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return false;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        body.Position = 0;
        http.Request.Body = body;
        http.Response.RegisterForDispose(body);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity over {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity that is not readable JSON")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An activity failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
