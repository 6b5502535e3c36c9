using System.Globalization;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Day-by-day analytics of an app, from the sessions and recordings the sandbox holds.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterAnalytics(Dictionary<string, SandboxOperation> table) =>
        table.Add("getDaywiseAnalytics", call => DaywiseAnalytics(call.Route, call.Account, call.App, call.Query));

    /// <summary>
    /// Sessions and recordings of the app that started within <c>start_date</c> … <c>end_date</c>
    /// (days in UTC; by default the 30 days up to today), with the participant minutes of the
    /// sessions and the minutes recorded (each recording rounded up to a whole minute), one entry
    /// per day that has any.
    /// </summary>
    private SandboxAnswer DaywiseAnalytics(SandboxRoute route, string account, string app, IReadOnlyDictionary<string, string> query)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        DateOnly? Date(string name) => query.TryGetValue(name, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var to = Date("end_date") ?? today;
        var from = Date("start_date") ?? to.AddDays(-30);
        bool Within(string day)
        {
            var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date >= from && date <= to;
        }

        var sessions = store.List(SandboxResourceStore.Of(account, app, "sessions"))
            .Select(s => (Day: Day((string)s["started_at"]!), Minutes: (double?)s["minutes_consumed"] ?? 0))
            .Where(s => Within(s.Day))
            .GroupBy(s => s.Day).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Count: g.Count(), Minutes: Math.Round(g.Sum(s => s.Minutes), 2)))
            .ToList();
        var now = time.GetUtcNow();
        var recordings = store.List(SandboxResourceStore.Of(account, app, "recordings"))
            .Where(r => r["started_time"]?.Type == JTokenType.String)
            .Select(r => (Day: Day((string)r["started_time"]!), Minutes: RecordedMinutes(r, now)))
            .Where(r => Within(r.Day))
            .GroupBy(r => r.Day).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Day: g.Key, Count: g.Count(), Minutes: g.Sum(r => r.Minutes)))
            .ToList();

        return Ok(route, new JObject
        {
            ["session_stats"] = new JObject
            {
                ["sessions_count"] = sessions.Sum(d => d.Count),
                ["sessions_minutes_consumed"] = Math.Round(sessions.Sum(d => d.Minutes), 2),
                ["day_stats"] = new JArray(sessions.Select(d => new JObject { ["day"] = d.Day, ["total_sessions"] = d.Count, ["total_session_minutes"] = d.Minutes })),
            },
            ["recording_stats"] = new JObject
            {
                ["recording_count"] = recordings.Sum(d => d.Count),
                ["recording_minutes_consumed"] = recordings.Sum(d => d.Minutes),
                ["day_stats"] = new JArray(recordings.Select(d => new JObject { ["day"] = d.Day, ["total_recordings"] = d.Count, ["total_recording_minutes"] = d.Minutes })),
            },
        });
    }

    private static long RecordedMinutes(JObject recording, DateTimeOffset now)
    {
        var seconds = recording["recording_duration"]?.Type == JTokenType.Integer
            ? (long)recording["recording_duration"]!
            : (long)Math.Max(0, (now - DateTimeOffset.Parse((string)recording["started_time"]!, CultureInfo.InvariantCulture)).TotalSeconds);
        return (seconds + 59) / 60;
    }
}
