using System.Security.Cryptography;
using System.Text;

namespace RealtimeKit.Generated.Testing;

/// <summary>The bearer token the sandbox accepts, compared in constant time.</summary>
internal sealed class SandboxAuthorization(string token)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public bool Allows(SandboxExchange exchange) =>
        exchange.Headers.TryGetValue("authorization", out var value)
        && value.StartsWith("Bearer ", StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value[7..]), _token);

    public static SandboxAnswer Unauthorized => new(401, SandboxJson.Unauthorized);
}
