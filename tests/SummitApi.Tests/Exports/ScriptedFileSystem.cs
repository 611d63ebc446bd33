using SummitApi.Exports;

namespace SummitApi.Tests.Exports;

/// <summary>Files that fail or stall on demand, standing in for a full disk or a slow export.</summary>
internal sealed class ScriptedFileSystem(Func<string, Stream, Stream> wrap) : ExportFileSystem
{
    public override Stream Create(string path) => wrap(path, base.Create(path));

    /// <summary>Writing to the file named <paramref name="fileName"/> fails after <paramref name="bytes"/> bytes.</summary>
    public static ScriptedFileSystem FailingOn(string fileName, int bytes) =>
        new((path, stream) => Path.GetFileName(path) == fileName ? new FailingStream(stream, bytes) : stream);

    /// <summary>Creating the first file blocks until <paramref name="release"/> is set, after signalling <paramref name="reached"/>.</summary>
    public static ScriptedFileSystem StallingFirstFile(TaskCompletionSource reached, ManualResetEventSlim release)
    {
        var first = 0;
        return new((_, stream) =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                reached.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(60));
            }
            return stream;
        });
    }

    private sealed class FailingStream(Stream inner, int allowed) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > allowed)
            {
                throw new IOException("No space left on device (simulated).");
            }
            _written += buffer.Length;
            inner.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
