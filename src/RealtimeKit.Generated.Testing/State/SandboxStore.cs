namespace RealtimeKit.Generated.Testing;

/// <summary>The sandbox's state: the webhooks of each account and app, in creation order.</summary>
internal sealed class SandboxStore
{
    private readonly Dictionary<(string Account, string App), List<StoredWebhook>> _apps = [];
    private readonly Lock _lock = new();

    public StoredWebhook Add(string account, string app, StoredWebhook webhook)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue((account, app), out var list))
            {
                _apps[(account, app)] = list = [];
            }

            list.Add(webhook);
            return webhook.Clone();
        }
    }

    public IReadOnlyList<StoredWebhook> List(string account, string app)
    {
        lock (_lock)
        {
            return _apps.TryGetValue((account, app), out var list) ? list.Select(w => w.Clone()).ToList() : [];
        }
    }

    /// <summary>The webhooks of an app in every account, in creation order per account.</summary>
    public IReadOnlyList<StoredWebhook> ListByApp(string app)
    {
        lock (_lock)
        {
            return _apps.Where(pair => pair.Key.App == app).SelectMany(pair => pair.Value).Select(w => w.Clone()).ToList();
        }
    }

    public StoredWebhook? Get(string account, string app, Guid id)
    {
        lock (_lock)
        {
            return Find(account, app, id)?.Clone();
        }
    }

    /// <summary>Changes a webhook under the lock; null when there is no such webhook.</summary>
    public StoredWebhook? Update(string account, string app, Guid id, Action<StoredWebhook> change)
    {
        lock (_lock)
        {
            var webhook = Find(account, app, id);
            if (webhook is null)
            {
                return null;
            }

            change(webhook);
            return webhook.Clone();
        }
    }

    public StoredWebhook? Remove(string account, string app, Guid id)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue((account, app), out var list))
            {
                return null;
            }

            var index = list.FindIndex(w => w.Id == id);
            if (index < 0)
            {
                return null;
            }

            var removed = list[index];
            list.RemoveAt(index);
            return removed;
        }
    }

    private StoredWebhook? Find(string account, string app, Guid id) =>
        _apps.TryGetValue((account, app), out var list) ? list.Find(w => w.Id == id) : null;
}

/// <summary>A webhook as the sandbox keeps it: event names as strings, so unknown ones survive.</summary>
internal sealed class StoredWebhook
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public required List<string> Events { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public StoredWebhook Clone() => new()
    {
        Id = Id,
        Name = Name,
        Url = Url,
        Events = [.. Events],
        Enabled = Enabled,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    public Webhook ToModel() => new()
    {
        Id = Id,
        Name = Name,
        Url = new Uri(Url),
        Events = Events.Select(e => new WebhookEvent(e)).ToList(),
        Enabled = Enabled,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
