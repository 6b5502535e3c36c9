using System.Globalization;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The limit of <see cref="RealtimeKitSandboxOptions.RateLimit"/>, per token, in fixed windows
/// that begin with a token's first request: every answer says what is left (<c>Ratelimit</c>) and
/// what the policy is (<c>Ratelimit-Policy</c>); the request beyond the limit, and every request of
/// the token until its window ends, is answered 429 with <c>Retry-After</c> and Cloudflare's
/// error envelope. It runs after the token check, so only requests with the sandbox's token count.
/// </summary>
internal sealed class SandboxRateLimitStage(RealtimeKitSandboxRateLimit limit, TimeProvider time) : ISandboxStage
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Cloudflare's 429 body: the v4 error envelope (its code and message are not a contract).</summary>
    private const string LimitedBody = """{"success":false,"errors":[{"code":10000,"message":"Rate limited. Please wait and consider throttling your request speed"}],"messages":[],"result":null}""";

    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        var token = exchange.Headers.GetValueOrDefault("authorization") ?? exchange.Headers.GetValueOrDefault("x-auth-key") ?? string.Empty;
        var now = time.GetUtcNow();
        int remaining;
        TimeSpan reset;
        bool limited;
        lock (_gate)
        {
            if (!_windows.TryGetValue(token, out var window) || now >= window.Ends)
            {
                window = new Window(now + limit.Window);
                _windows[token] = window;
            }

            window.Requests++;
            limited = window.Blocked || window.Requests > limit.Permits;
            window.Blocked = limited;
            remaining = limited ? 0 : limit.Permits - window.Requests;
            reset = window.Ends - now;
        }

        var seconds = ((long)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        exchange.ResponseHeaders["Ratelimit"] = string.Create(CultureInfo.InvariantCulture, $"\"default\";r={remaining};t={seconds}");
        exchange.ResponseHeaders["Ratelimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"default\";q={limit.Permits};w={(long)Math.Ceiling(limit.Window.TotalSeconds)}");
        if (!limited)
        {
            return next(exchange);
        }

        exchange.ResponseHeaders["Retry-After"] = seconds;
        return ValueTask.FromResult(new SandboxAnswer(429, LimitedBody));
    }

    /// <summary>One token's window: when it ends, the requests it has seen, whether the token is blocked until it ends.</summary>
    private sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends { get; } = ends;

        public int Requests { get; set; }

        public bool Blocked { get; set; }
    }
}
