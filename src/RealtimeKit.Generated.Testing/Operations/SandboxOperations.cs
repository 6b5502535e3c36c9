using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>How the sandbox answers one operation of the document, once the request has passed the pipeline's checks.</summary>
/// <param name="call">The operation's route, path values, query and body.</param>
internal delegate SandboxAnswer SandboxOperation(SandboxCall call);

/// <summary>
/// The behaviour of every operation of the document, as a table from operationId to handler:
/// each tag of the document registers its operations in a file of its own
/// (<c>SandboxOperations.{Tag}.cs</c>), over the sandbox's state (<see cref="SandboxStore"/> for
/// webhooks, <see cref="SandboxResourceStore"/> for the rest). By the time a handler runs, the
/// pipeline has authenticated the request and checked its path and body against the document;
/// a handler answers in the documented shapes and statuses. This file holds what every tag shares:
/// the envelope, paging, partial updates and the clock.
/// </summary>
internal sealed partial class SandboxOperations(SandboxStore webhooks, SandboxResourceStore store, SandboxDocument document, TimeProvider time)
{
    private IReadOnlyDictionary<string, SandboxOperation>? _table;

    /// <summary>Every operation the sandbox implements, by operationId; an operation of the document missing here answers 501 (a test keeps that list empty).</summary>
    public IReadOnlyDictionary<string, SandboxOperation> Table => LazyInitializer.EnsureInitialized(ref _table, BuildTable);

    /// <summary>The operationIds the sandbox implements (the keys of <see cref="Table"/>), for the tests that hold them to the document.</summary>
    public static IReadOnlyCollection<string> ImplementedOperationIds { get; } =
        [.. new SandboxOperations(new SandboxStore(), new SandboxResourceStore(), SandboxDocument.Instance, TimeProvider.System).Table.Keys];

    /// <summary>The webhooks' state.</summary>
    public SandboxStore Webhooks => webhooks;

    private Dictionary<string, SandboxOperation> BuildTable()
    {
        var table = new Dictionary<string, SandboxOperation>(StringComparer.Ordinal);
        RegisterApps(table);
        RegisterMeetings(table);
        RegisterPresets(table);
        RegisterSessions(table);
        RegisterRecordings(table);
        RegisterLivestreams(table);
        RegisterActiveSession(table);
        RegisterAnalytics(table);
        RegisterWebhooks(table);
        return table;
    }

    /// <summary>Items per page when the request gives no <c>per_page</c> (the service's default is not documented).</summary>
    public const int DefaultPerPage = 20;

    public SandboxResourceStore Store => store;

    /// <summary>Now by the sandbox's clock, written as the API writes timestamps.</summary>
    public string Now() => SandboxJson.Timestamp(time.GetUtcNow());

    private void Stamp(JObject item, bool created)
    {
        var now = Now();
        if (created)
        {
            item["id"] ??= Guid.NewGuid().ToString("D");
            item["created_at"] = now;
        }

        item["updated_at"] = now;
    }

    /// <summary>
    /// A partial update: the fields sent change, the others stay; an explicit null clears the
    /// field (a flag with a documented default goes back to it). Read-only fields are never taken
    /// from the body.
    /// </summary>
    private void Merge(JObject item, JObject body, string[] flags)
    {
        foreach (var property in body.Properties())
        {
            if (property.Name is "id" or "created_at" or "updated_at")
            {
                continue;
            }

            if (property.Value.Type == JTokenType.Null)
            {
                if (property.Name == "preset_name")
                {
                    // A participant always has a preset: a null one leaves it as it is.
                    continue;
                }

                if (flags.Contains(property.Name))
                {
                    item[property.Name] = false;
                }
                else
                {
                    item.Remove(property.Name);
                }
            }
            else
            {
                item[property.Name] = property.Value.DeepClone();
            }
        }

        Stamp(item, created: false);
    }

    /// <summary>A preset's partial update reaches into config, permissions and ui: only the leaves sent change.</summary>
    private void DeepMerge(JObject item, JObject body)
    {
        item.Merge(body, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Merge });
        Stamp(item, created: false);
    }

    private static IEnumerable<JObject> Search(IEnumerable<JObject> items, IReadOnlyDictionary<string, string> query, string field, bool order)
    {
        if (query.TryGetValue("search", out var search) && !string.IsNullOrEmpty(search))
        {
            items = items.Where(i => ((string?)i[field])?.Contains(search, StringComparison.OrdinalIgnoreCase) == true);
        }

        if (order && query.TryGetValue("sort_order", out var sort) && string.Equals(sort, "DESC", StringComparison.OrdinalIgnoreCase))
        {
            items = items.Reverse();
        }

        return items;
    }

    private static bool InRange(JObject item, IReadOnlyDictionary<string, string> query)
    {
        var created = DateTimeOffset.Parse((string)item["created_at"]!, CultureInfo.InvariantCulture);
        return (!query.TryGetValue("start_time", out var start) || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, out var from) || created >= from)
            && (!query.TryGetValue("end_time", out var end) || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, out var to) || created <= to);
    }

    /// <summary>
    /// A page of <paramref name="items"/> by <c>page_no</c> (from 1; 0 or absent is the first) and
    /// <c>per_page</c> (absent or 0: <see cref="DefaultPerPage"/>), with <c>paging</c>: the total,
    /// and the zero-based offsets of the first and last item on the page (both the start offset
    /// on an empty page).
    /// </summary>
    public static SandboxAnswer Paged(SandboxRoute route, IReadOnlyList<JObject> items, IReadOnlyDictionary<string, string> query, bool pagingInData)
    {
        var (start, page) = Page(items, query);
        var paging = new JObject { ["total_count"] = items.Count, ["start_offset"] = start, ["end_offset"] = page.Count == 0 ? start : start + page.Count - 1 };
        var data = new JArray(page);
        var envelope = new JObject { ["success"] = true, ["data"] = data, ["paging"] = paging };
        if (pagingInData)
        {
            envelope.Remove("paging");
        }

        return new SandboxAnswer(route.SuccessStatus, envelope.ToString(Formatting.None));
    }

    public static (int Start, List<JObject> Page) Page(IReadOnlyList<JObject> items, IReadOnlyDictionary<string, string> query)
    {
        var perPage = query.TryGetValue("per_page", out var p) && int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var per) && per > 0 ? per : DefaultPerPage;
        var pageNo = query.TryGetValue("page_no", out var n) && int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var no) && no > 0 ? no : 1;
        var start = (int)Math.Min((long)(pageNo - 1) * perPage, items.Count);
        return (start, items.Skip(start).Take(perPage).ToList());
    }

    public static SandboxAnswer Ok(SandboxRoute route, JToken data) =>
        new(route.SuccessStatus, new JObject { ["success"] = true, ["data"] = data }.ToString(Formatting.None));

    public static SandboxAnswer Found(SandboxRoute route, string kind, string id, JToken? data) =>
        data is null ? NotFound(kind, id) : Ok(route, data);

    public static SandboxAnswer NotFound(string kind, string id) =>
        new(404, SandboxJson.Error(404, $"NOT_FOUND {kind} {id} does not exist"));

    private static JObject Paging(int total, int start, int count) =>
        new() { ["total_count"] = total, ["start_offset"] = start, ["end_offset"] = count == 0 ? start : start + count - 1 };

    private static string Day(string timestamp) =>
        DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The object as answered: without the sandbox's own fields (and, for a list item or the active recording, without the details).</summary>
    private static JObject Public(JObject item) => Public(item, withDetails: true);

    private static JObject Public(JObject item, bool withDetails)
    {
        var copy = (JObject)item.DeepClone();
        foreach (var property in copy.Properties().Where(p => p.Name.StartsWith('_') || (!withDetails && p.Name is "start_reason" or "stop_reason")).ToList())
        {
            property.Remove();
        }

        if (copy["storage_config"]?.Type == JTokenType.Null)
        {
            copy.Remove("storage_config");
        }

        return copy;
    }
}
