using System.Diagnostics;
using System.Threading.RateLimiting;

namespace SummitApi.Platform.Http;

/// <summary>
/// A fixed window limiter whose refusals say how long until the window closes. The framework's limiter always
/// reports a whole window as the wait, so a client refused 55 seconds into a minute was told to wait 60. Its
/// windows open when it is created and every window after (it replenishes on a timer started then), which is what
/// the time left is counted from.
/// </summary>
public sealed class FixedWindowWithTimeLeft(FixedWindowRateLimiterOptions options) : RateLimiter
{
    private readonly FixedWindowRateLimiter _inner = new(options);
    private readonly long _opened = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WithTimeLeft(_inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        WithTimeLeft(await _inner.AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private RateLimitLease WithTimeLeft(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return lease;
        }
        var window = options.Window.Ticks;
        var intoWindow = Stopwatch.GetElapsedTime(_opened).Ticks % window;
        return new Refused(lease, TimeSpan.FromTicks(window - intoWindow));
    }

    private sealed class Refused(RateLimitLease inner, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(MetadataName.RetryAfter.Name).Distinct();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }
            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
