using System.Net;
using System.Net.Sockets;

namespace OrchardPortal.Testing.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void Free_ports_are_distinct_and_can_be_bound_on_loopback()
    {
        var ports = FreePort.Next(3);

        Assert.Equal(3, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
