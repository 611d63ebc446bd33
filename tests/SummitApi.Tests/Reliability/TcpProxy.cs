using System.Net;
using System.Net.Sockets;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// A TCP relay the test owns between the API and PostgreSQL, on a port of its own. Cutting it is an outage
/// as the API meets one: every open connection is reset and new ones are refused. Restoring it listens on
/// the same port again. The server behind it is never touched.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<Socket> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    /// <summary>Refuses new connections and resets every open one.</summary>
    public void Cut()
    {
        _accepting.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var socket in _open)
            {
                socket.LingerState = new LingerOption(true, 0); // close with a reset, as a dead server's host would
                socket.Close();
            }
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(cancellation);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, cancellation);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken cancellation)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, cancellation);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
