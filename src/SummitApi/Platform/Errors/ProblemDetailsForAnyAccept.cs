using Microsoft.Extensions.Primitives;

namespace SummitApi.Platform.Errors;

/// <summary>
/// Writes Problem Details whatever the request's Accept header asks for. The framework's service writes
/// nothing, and throws from inside the error path, when Accept excludes JSON (text/html, say); the API
/// speaks only JSON, and an error without a body tells the client nothing. HTTP lets a server answer
/// outside Accept, so the problem is written as if Accept were absent.
/// </summary>
public sealed class ProblemDetailsForAnyAccept(IEnumerable<IProblemDetailsWriter> writers) : IProblemDetailsService
{
    private readonly IProblemDetailsWriter[] _writers = [.. writers];

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        if (!await TryWriteAsync(context))
        {
            throw new InvalidOperationException("No Problem Details writer is registered.");
        }
    }

    public async ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
    {
        var headers = context.HttpContext.Request.Headers;
        var writer = _writers.FirstOrDefault(w => w.CanWrite(context));
        if (writer is null)
        {
            var accept = headers.Accept;
            headers.Accept = StringValues.Empty;
            try
            {
                writer = _writers.FirstOrDefault(w => w.CanWrite(context));
            }
            finally
            {
                headers.Accept = accept;
            }
        }
        if (writer is null)
        {
            return false;
        }
        await writer.WriteAsync(context);
        return true;
    }
}
