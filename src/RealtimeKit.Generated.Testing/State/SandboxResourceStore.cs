using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The sandbox's state for every resource but webhooks: apps per account; meetings, presets,
/// sessions, recordings and livestreams per account and app; participants per meeting. Each item
/// is kept as the JSON object the API answers with (snake_case, timestamps as written), in
/// creation order; callers get copies.
/// </summary>
internal sealed class SandboxResourceStore
{
    private readonly Dictionary<string, List<JObject>> _collections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static string Apps(string account) => $"{account}\n/apps";

    public static string Of(string account, string app, string kind) => $"{account}\n{app}\n{kind}";

    public static string Participants(string account, string app, string meetingId) => $"{account}\n{app}\nmeetings/{Key(meetingId)}/participants";

    public JObject Add(string collection, JObject item)
    {
        lock (_lock)
        {
            if (!_collections.TryGetValue(collection, out var list))
            {
                _collections[collection] = list = [];
            }

            list.Add(item);
            return (JObject)item.DeepClone();
        }
    }

    public IReadOnlyList<JObject> List(string collection)
    {
        lock (_lock)
        {
            return _collections.TryGetValue(collection, out var list) ? list.Select(i => (JObject)i.DeepClone()).ToList() : [];
        }
    }

    /// <summary>Every item of the collections whose key ends with <paramref name="suffix"/> and starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<JObject> ListAcross(string prefix, string suffix)
    {
        lock (_lock)
        {
            return _collections.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal) && c.Key.EndsWith(suffix, StringComparison.Ordinal))
                .SelectMany(c => c.Value).Select(i => (JObject)i.DeepClone()).ToList();
        }
    }

    public JObject? Get(string collection, string id) => Find(collection, i => Id(i) == Key(id));

    public JObject? Find(string collection, Func<JObject, bool> predicate)
    {
        lock (_lock)
        {
            return _collections.TryGetValue(collection, out var list) ? (JObject?)list.LastOrDefault(predicate)?.DeepClone() : null;
        }
    }

    /// <summary>Changes an item under the lock; null when there is no such item.</summary>
    public JObject? Update(string collection, string id, Action<JObject> change)
    {
        lock (_lock)
        {
            var item = _collections.TryGetValue(collection, out var list) ? list.Find(i => Id(i) == Key(id)) : null;
            if (item is null)
            {
                return null;
            }

            change(item);
            return (JObject)item.DeepClone();
        }
    }

    public JObject? Remove(string collection, string id)
    {
        lock (_lock)
        {
            if (!_collections.TryGetValue(collection, out var list))
            {
                return null;
            }

            var index = list.FindIndex(i => Id(i) == Key(id));
            if (index < 0)
            {
                return null;
            }

            var removed = list[index];
            list.RemoveAt(index);
            return removed;
        }
    }

    /// <summary>Ids compare without regard to case, so that a UUID matches however it is written.</summary>
    private static string? Id(JObject item) => ((string?)item["id"])?.ToLowerInvariant();

    public static string Key(string id) => id.ToLowerInvariant();
}
