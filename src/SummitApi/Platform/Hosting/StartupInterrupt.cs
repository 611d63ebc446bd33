using System.Runtime.InteropServices;

namespace SummitApi.Platform.Hosting;

/// <summary>
/// Ctrl+C (or SIGTERM) while the service starts cancels the start-up instead of ending the process at once, so
/// that the PostgreSQL it provisioned is stopped on the way out. Disposed before the host runs, whose own handling
/// of those signals then stops the API.
/// </summary>
public sealed class StartupInterrupt : IDisposable
{
    private readonly CancellationTokenSource _interrupted = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StartupInterrupt()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _interrupted.Cancel();
            }))];
    }

    public CancellationToken Token => _interrupted.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _interrupted.Dispose();
    }
}
