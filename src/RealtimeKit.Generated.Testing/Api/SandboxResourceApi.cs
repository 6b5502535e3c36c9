using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The behaviour of apps, meetings, participants and presets over <see cref="SandboxResourceStore"/>.
/// <see cref="SandboxApi"/> has already checked the path and the body against the document;
/// this class answers in the documented shapes and statuses.
/// </summary>
internal sealed partial class SandboxResourceApi(SandboxResourceStore store, TimeProvider time)
{
    /// <summary>Items per page when the request gives no <c>per_page</c> (the service's default is not documented).</summary>
    public const int DefaultPerPage = 20;

    /// <summary>The boolean settings of a meeting and their documented defaults.</summary>
    private static readonly string[] _meetingFlags = ["record_on_start", "live_stream_on_start", "persist_chat", "summarize_on_end", "transcribe_on_end"];

    public static IReadOnlySet<string> Operations { get; } = new HashSet<string>(
        [
            .. SessionOperations(),
            "listApps", "createApp", "getApp",
            "listMeetings", "createMeeting", "getMeeting", "updateMeeting", "replaceMeeting",
            "listParticipants", "addParticipant", "getParticipant", "editParticipant", "replaceParticipant", "deleteParticipant", "refreshParticipantToken",
            "listPresets", "createPreset", "getPreset", "updatePreset", "replacePreset", "deletePreset",
        ],
        StringComparer.Ordinal);

    public SandboxResourceStore Store => store;

    public SandboxAnswer Handle(SandboxRoute route, Dictionary<string, string> path, IReadOnlyDictionary<string, string> query, JObject? body)
    {
        var account = path["account_id"];
        path.TryGetValue("app_id", out var app);
        app ??= string.Empty;
        var meetings = SandboxResourceStore.Of(account, app, "meetings");
        var presets = SandboxResourceStore.Of(account, app, "presets");
        path.TryGetValue("meeting_id", out var meetingId);
        path.TryGetValue("participant_id", out var participantId);
        path.TryGetValue("preset_id", out var presetId);

        switch (route.OperationId)
        {
            case "listApps":
                return Paged(route, [.. Search(store.List(SandboxResourceStore.Apps(account)), query, "name", order: true)], query, pagingInData: false);
            case "createApp":
                var createdApp = store.Add(SandboxResourceStore.Apps(account), NewApp((string)body!["name"]!));
                return Ok(route, new JObject { ["app"] = createdApp });
            case "getApp":
                return Found(route, "app", app, store.Get(SandboxResourceStore.Apps(account), app));

            case "listMeetings":
                var listed = Search(store.List(meetings), query, "title", order: false)
                    .Where(m => !query.TryGetValue("status", out var status) || string.Equals((string?)m["status"], status, StringComparison.OrdinalIgnoreCase))
                    .Where(m => InRange(m, query))
                    .ToList();
                return Paged(route, listed, query, pagingInData: false);
            case "createMeeting":
                return Ok(route, store.Add(meetings, NewMeeting(body!)));
            case "getMeeting":
                return Found(route, "meeting", meetingId!, store.Get(meetings, meetingId!));
            case "updateMeeting":
                return Found(route, "meeting", meetingId!, store.Update(meetings, meetingId!, m => Merge(m, body!, _meetingFlags)));
            case "replaceMeeting":
                return Found(route, "meeting", meetingId!, store.Update(meetings, meetingId!, m => ReplaceMeeting(m, body!)));

            case "listParticipants":
                return store.Get(meetings, meetingId!) is null
                    ? NotFound("meeting", meetingId!)
                    : Paged(route, store.List(SandboxResourceStore.Participants(account, app, meetingId!)).Select(WithoutToken).ToList(), query, pagingInData: false);
            case "addParticipant":
                return store.Get(meetings, meetingId!) is null
                    ? NotFound("meeting", meetingId!)
                    : Ok(route, store.Add(SandboxResourceStore.Participants(account, app, meetingId!), NewParticipant(account, app, meetingId!, body!)));
            case "getParticipant":
                return Found(route, "participant", participantId!, ParticipantOf(account, app, meetingId!, participantId!, p => WithoutToken(p)));
            case "editParticipant":
                return Found(route, "participant", participantId!, UpdateParticipant(account, app, meetingId!, participantId!, p => Merge(p, body!, [])));
            case "replaceParticipant":
                return Found(route, "participant", participantId!, UpdateParticipant(account, app, meetingId!, participantId!, p => ReplaceParticipant(p, body!)));
            case "refreshParticipantToken":
                var refreshed = UpdateParticipant(account, app, meetingId!, participantId!, p => p["token"] = Token(account, app, meetingId!, p));
                return Found(route, "participant", participantId!, refreshed is null ? null : new JObject { ["token"] = refreshed["token"] });
            case "deleteParticipant":
                var removed = store.Get(meetings, meetingId!) is null ? null : store.Remove(SandboxResourceStore.Participants(account, app, meetingId!), participantId!);
                return Found(route, "participant", participantId!, removed is null ? null : new JObject
                {
                    ["custom_participant_id"] = removed["custom_participant_id"],
                    ["preset_id"] = PresetId(presets, (string)removed["preset_name"]!),
                    ["created_at"] = removed["created_at"],
                    ["updated_at"] = removed["updated_at"],
                });

            case "listPresets":
                var summaries = Search(store.List(presets), query, "name", order: false)
                    .Select(p => new JObject { ["id"] = p["id"], ["name"] = p["name"], ["created_at"] = p["created_at"], ["updated_at"] = p["updated_at"] })
                    .ToList();
                return Paged(route, summaries, query, pagingInData: false);
            case "createPreset":
                var preset = (JObject)body!.DeepClone();
                Stamp(preset, created: true);
                return Ok(route, store.Add(presets, preset));
            case "getPreset":
                return Found(route, "preset", presetId!, store.Get(presets, presetId!));
            case "updatePreset":
                return Found(route, "preset", presetId!, store.Update(presets, presetId!, p => DeepMerge(p, body!)));
            case "replacePreset":
                return Found(route, "preset", presetId!, store.Update(presets, presetId!, p => ReplacePreset(p, body!)));
            case "deletePreset":
                return Found(route, "preset", presetId!, store.Remove(presets, presetId!));
        }

        return HandleSessions(route, account, app, path, query, body);
    }

    /// <summary>Now by the sandbox's clock, written as the API writes timestamps.</summary>
    public string Now() => SandboxJson.Timestamp(time.GetUtcNow());

    public JObject NewApp(string name) => new() { ["id"] = Guid.NewGuid().ToString("D"), ["name"] = name, ["created_at"] = Now() };

    public JObject NewMeeting(JObject body)
    {
        var meeting = new JObject { ["id"] = Guid.NewGuid().ToString("D"), ["status"] = "ACTIVE" };
        foreach (var flag in _meetingFlags)
        {
            meeting[flag] = false;
        }

        Merge(meeting, body, _meetingFlags);
        Stamp(meeting, created: true);
        return meeting;
    }

    public JObject NewParticipant(string account, string app, string meetingId, JObject body)
    {
        var participant = new JObject { ["id"] = Guid.NewGuid().ToString("D") };
        Merge(participant, body, []);
        Stamp(participant, created: true);
        participant["token"] = Token(account, app, meetingId, participant);
        return participant;
    }

    private JObject? ParticipantOf(string account, string app, string meetingId, string participantId, Func<JObject, JObject> shape)
    {
        var participant = store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId) is null
            ? null
            : store.Get(SandboxResourceStore.Participants(account, app, meetingId), participantId);
        return participant is null ? null : shape(participant);
    }

    private JObject? UpdateParticipant(string account, string app, string meetingId, string participantId, Action<JObject> change) =>
        store.Get(SandboxResourceStore.Of(account, app, "meetings"), meetingId) is null
            ? null
            : store.Update(SandboxResourceStore.Participants(account, app, meetingId), participantId, p =>
            {
                change(p);
                Stamp(p, created: false);
            });

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

    private void ReplaceMeeting(JObject meeting, JObject body)
    {
        var status = meeting["status"];
        foreach (var property in meeting.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at")).ToList())
        {
            property.Remove();
        }

        meeting["status"] = status;
        foreach (var flag in _meetingFlags)
        {
            meeting[flag] = false;
        }

        Merge(meeting, body, _meetingFlags);
    }

    private void ReplaceParticipant(JObject participant, JObject body)
    {
        foreach (var property in participant.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at" or "token")).ToList())
        {
            property.Remove();
        }

        Merge(participant, body, []);
    }

    private void ReplacePreset(JObject preset, JObject body)
    {
        foreach (var property in preset.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at")).ToList())
        {
            property.Remove();
        }

        Merge(preset, body, []);
    }

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
    /// A participant's auth token, shaped like the service's (a JWT: three base64url parts). It
    /// is opaque to callers; the sandbox signs it with a key of its own that nothing verifies.
    /// </summary>
    private string Token(string account, string app, string meetingId, JObject participant)
    {
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var issued = time.GetUtcNow().ToUnixTimeSeconds();
        var payload = Base64Url(Encoding.UTF8.GetBytes(new JObject
        {
            ["sub"] = participant["id"],
            ["orgId"] = account,
            ["appId"] = app,
            ["meetingId"] = meetingId,
            ["participantId"] = participant["id"],
            ["presetName"] = participant["preset_name"],
            ["jti"] = Guid.NewGuid().ToString("D"),
            ["iat"] = issued,
            ["exp"] = issued + (7 * 24 * 3600),
        }.ToString(Formatting.None)));
        var signature = Base64Url(HMACSHA256.HashData(_tokenKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private readonly byte[] _tokenKey = RandomNumberGenerator.GetBytes(32);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JObject WithoutToken(JObject participant)
    {
        var copy = (JObject)participant.DeepClone();
        copy.Remove("token");
        return copy;
    }

    /// <summary>The id of the preset a participant names; a stable name-based UUID when the app has no preset of that name (the service's own presets, or a name the sandbox does not know).</summary>
    private string PresetId(string presets, string name) =>
        (string?)store.Find(presets, p => (string?)p["name"] == name)?["id"]
        ?? new Guid(MD5.HashData(Encoding.UTF8.GetBytes("preset:" + name))).ToString("D");

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
}
