using System.Net;
using System.Net.Sockets;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>Loopback ports for tests that run in parallel.</summary>
internal static class Ports
{
    /// <summary>A port the system says is free now; bind it, and on <see cref="IsAddressInUse"/> ask again.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port below the range the system hands out for port 0, so that no parallel test asking for
    /// a free port can be given it between a caller's choice and its bind. Another process may
    /// still hold it: bind, and on <see cref="IsAddressInUse"/> choose again.
    /// </summary>
    public static int OutsideEphemeralRange()
    {
        var firstEphemeral = 32768;
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var first))
        {
            firstEphemeral = first;
        }

        return Random.Shared.Next(Math.Max(1024, firstEphemeral - 12000), firstEphemeral);
    }

    /// <summary>Whether <paramref name="exception"/> or one it wraps says the address is already in use.</summary>
    public static bool IsAddressInUse(Exception? exception) => exception switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsAddressInUse),
        _ => IsAddressInUse(exception.InnerException),
    };
}
