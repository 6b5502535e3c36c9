using System.Globalization;
using System.Net.Http.Headers;

namespace RealtimeKit.Generated;

/// <summary>
/// Reads what an answer says of the service's limits: <c>Ratelimit: "default";r=50;t=30</c>
/// (remaining quota <c>r</c>, seconds to the window's reset <c>t</c>) and
/// <c>Ratelimit-Policy: "burst";q=100;w=60</c> (quota <c>q</c> per <c>w</c> seconds), lists of
/// structured-field items with parameters. What cannot be read is ignored.
/// </summary>
internal static class RealtimeKitRateLimitHeaders
{
    public const string RateLimit = "Ratelimit";

    public const string RateLimitPolicy = "Ratelimit-Policy";

    /// <summary>The longest pause read from a <c>Ratelimit</c> header with nothing left (<c>r=0</c>): the seconds until its reset; null when quota remains or the header says nothing.</summary>
    public static TimeSpan? ExhaustedFor(HttpResponseHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(RateLimit, out var values))
        {
            return null;
        }

        TimeSpan? pause = null;
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Parameter(item, "r") == 0 && Parameter(item, "t") is { } reset && reset > 0 && (pause is null || reset > pause.Value.TotalSeconds))
                {
                    pause = TimeSpan.FromSeconds(reset);
                }
            }
        }

        return pause;
    }

    /// <summary>The policies a <c>Ratelimit-Policy</c> header announces, each a quota per window; empty when it has none.</summary>
    public static List<(int Permits, TimeSpan Window)> Policies(string header)
    {
        var policies = new List<(int, TimeSpan)>();
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Parameter(item, "q") is { } quota and > 0 and <= int.MaxValue && Parameter(item, "w") is { } window and > 0 and <= 86_400 * 366)
            {
                policies.Add(((int)quota, TimeSpan.FromSeconds(window)));
            }
        }

        return policies;
    }

    /// <summary>The raw <c>Ratelimit-Policy</c> value of an answer, or null.</summary>
    public static string? Policy(HttpResponseHeaders headers) =>
        headers.NonValidated.TryGetValues(RateLimitPolicy, out var values) ? values.ToString() : null;

    /// <summary>The integer value of the parameter <paramref name="name"/> of a structured-field item (<c>"name";r=0;t=30</c>), or null.</summary>
    private static long? Parameter(string item, string name)
    {
        foreach (var part in item.Split(';', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part.AsSpan(0, equals).Trim().Equals(name, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(part.AsSpan(equals + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }
}
