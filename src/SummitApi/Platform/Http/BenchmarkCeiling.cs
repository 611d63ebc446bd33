using System.Text;

namespace SummitApi.Platform.Http;

/// <summary>
/// GET /bench/ceiling: constant JSON bytes through the same Kestrel process and middleware as the API, with no
/// endpoint work. bench/run measures it beside the real endpoints, whose figures it reports as ratios to this
/// ceiling. Mapped only when Bench:Ceiling is true.
/// </summary>
public static class BenchmarkCeiling
{
    // About the size of one record's JSON (a concession with its citations is 1–2 KiB).
    private static readonly byte[] Body = Encoding.UTF8.GetBytes($$"""{"ceiling":"{{new string('x', 1500)}}"}""");

    public static void MapBenchmarkCeiling(this WebApplication app)
    {
        if (app.Configuration.GetValue("Bench:Ceiling", false))
        {
            app.MapGet("/bench/ceiling", () => Results.Bytes(Body, "application/json")).ExcludeFromDescription();
        }
    }
}
