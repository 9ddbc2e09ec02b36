using System.Net;
using System.Net.Sockets;

namespace OrchardPortal.Testing;

/// <summary>Finds TCP ports on 127.0.0.1 that nothing is listening on right now.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an unused loopback port by binding port 0. The port is released before
    /// it is returned, so another process can still take it first: fixtures that start a server
    /// on it retry with a fresh port when the bind fails.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Returns <paramref name="count"/> distinct free ports.</summary>
    public static IReadOnlyList<int> Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // Hold every listener open until all are bound so the kernel cannot hand out the same
        // port twice within one call.
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
