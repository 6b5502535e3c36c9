using System.Globalization;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// A limit the sandbox enforces per token, as Cloudflare does: at most <see cref="Permits"/>
/// requests per window of <see cref="Window"/>. Every answer carries <c>Ratelimit</c>
/// (<c>"default";r=remaining;t=seconds to the reset</c>) and <c>Ratelimit-Policy</c>
/// (<c>"default";q=permits;w=seconds</c>); the request that exceeds it, and every request of that
/// token for the rest of the window, is answered 429 with <c>Retry-After</c> (the token is blocked,
/// as Cloudflare blocks a token that exceeded its limit).
/// </summary>
public sealed class RealtimeKitSandboxRateLimit
{
    /// <summary>Creates the limit.</summary>
    /// <param name="permits">Requests per window; at least 1.</param>
    /// <param name="window">The window; at least one millisecond.</param>
    public RealtimeKitSandboxRateLimit(int permits, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        Permits = permits;
        Window = window;
    }

    /// <summary>Requests per window.</summary>
    public int Permits { get; }

    /// <summary>The window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Reads <c>count/window</c>: <c>250/10s</c>, <c>1200/5m</c>, <c>100/500ms</c>, <c>10/1h</c> (a window without a unit is in seconds).</summary>
    /// <exception cref="FormatException">The text is not a limit; the message says what is expected.</exception>
    public static RealtimeKitSandboxRateLimit Parse(string text) =>
        TryParse(text, out var limit) ? limit : throw new FormatException($"'{text}' is not a rate limit: expected count/window, e.g. 250/10s, 1200/5m or 100/500ms.");

    /// <summary>Reads <c>count/window</c> (see <see cref="Parse"/>); false when the text is not one.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RealtimeKitSandboxRateLimit? limit)
    {
        limit = null;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash <= 0 || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits < 1)
        {
            return false;
        }

        var window = text[(slash + 1)..].Trim();
        var unit = window.TrimStart("0123456789.".ToCharArray());
        var number = window[..^unit.Length];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        TimeSpan? length = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "" or "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (length is not { } span || span < TimeSpan.FromMilliseconds(1) || span > TimeSpan.FromDays(1))
        {
            return false;
        }

        limit = new RealtimeKitSandboxRateLimit(permits, span);
        return true;
    }

    /// <summary>The limit as <see cref="Parse"/> reads it, e.g. <c>250/10s</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Permits}/{(Window.TotalMilliseconds % 1000 == 0 ? $"{Window.TotalSeconds}s" : $"{Window.TotalMilliseconds}ms")}");
}
