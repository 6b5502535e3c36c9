using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The generated <c>Enumerate…Async</c> companions of the paged list operations (marked
/// <c>x-rtk-paged</c> in the document) against WireMock: the exact sequence of requests, one per
/// page, and where the walk stops.
/// </summary>
public sealed class PagingContractTests : IDisposable
{
    private const string Account = SpecExamples.AccountId;
    private const string App = SpecExamples.AppId;
    private const string AppPath = "/client/v4/accounts/" + Account + "/realtime/kit/" + App;
    private const string MeetingsPath = AppPath + "/meetings";

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private IRealtimeKitClient Client => _api.Get<IRealtimeKitClient>();

    private static JObject Meeting(int n) => new()
    {
        ["id"] = $"00000000-0000-4000-8000-{n:D12}",
        ["title"] = $"meeting {n}",
        ["created_at"] = "2025-03-04T09:30:00.000Z",
        ["updated_at"] = "2025-03-04T09:30:00.000Z",
    };

    private static string MeetingPage(int totalCount, params int[] ids) => new JObject
    {
        ["success"] = true,
        ["data"] = new JArray(ids.Select(Meeting)),
        ["paging"] = new JObject { ["total_count"] = totalCount, ["start_offset"] = ids.Length == 0 ? 0 : ids[0], ["end_offset"] = ids.Length == 0 ? 0 : ids[^1] },
    }.ToString(Newtonsoft.Json.Formatting.None);

    private void AnswerPage(string path, int pageNo, string body) =>
        _api.Server
            .Given(Request.Create().WithPath(path).UsingGet().WithParam("page_no", pageNo.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    private IEnumerable<string?> Queries() => _api.Requests.Select(r => r.RequestMessage.RawQuery?.TrimStart('?'));

    [Fact]
    public async Task EnumerateMeetingsAsync_walks_three_pages_with_one_request_each_and_passes_the_other_parameters_through()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(5, 1, 2));
        AnswerPage(MeetingsPath, 2, MeetingPage(5, 3, 4));
        AnswerPage(MeetingsPath, 3, MeetingPage(5, 5));

        var titles = new List<string?>();
        await foreach (var meeting in Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2, search: "sync", status: MeetingStatus.Active))
        {
            titles.Add(meeting.Title);
        }

        Assert.Equal(["meeting 1", "meeting 2", "meeting 3", "meeting 4", "meeting 5"], titles);
        Assert.Equal(
            [
                "page_no=1&per_page=2&search=sync&status=ACTIVE",
                "page_no=2&per_page=2&search=sync&status=ACTIVE",
                "page_no=3&per_page=2&search=sync&status=ACTIVE",
            ],
            Queries());
        foreach (var request in _api.Requests)
        {
            Wire.AssertRequest(request, "GET", MeetingsPath, _api.Token, jsonBody: null, query: request.RequestMessage.RawQuery?.TrimStart('?'));
        }
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_without_a_page_size_leaves_per_page_to_the_service()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(1, 1));

        var meetings = await Client.Meetings.EnumerateMeetingsAsync(Account, App).ToListAsync();

        Assert.Single(meetings);
        Assert.Equal(["page_no=1"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_stops_at_total_count_even_when_the_service_has_another_page()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(4, 1, 2));
        AnswerPage(MeetingsPath, 2, MeetingPage(4, 3, 4));
        AnswerPage(MeetingsPath, 3, MeetingPage(4, 5, 6));

        var meetings = await Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2).ToListAsync();

        Assert.Equal(4, meetings.Count);
        Assert.Equal(["page_no=1&per_page=2", "page_no=2&per_page=2"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_on_an_empty_first_page_yields_nothing_after_one_request()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(0));

        var meetings = await Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2).ToListAsync();

        Assert.Empty(meetings);
        Assert.Equal(["page_no=1&per_page=2"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_stops_on_an_empty_page_even_when_total_count_promises_more()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(10, 1, 2));
        AnswerPage(MeetingsPath, 2, MeetingPage(10));
        AnswerPage(MeetingsPath, 3, MeetingPage(10, 5, 6));

        var meetings = await Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2).ToListAsync();

        Assert.Equal(2, meetings.Count);
        Assert.Equal(["page_no=1&per_page=2", "page_no=2&per_page=2"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_cancelled_between_pages_sends_no_further_request()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(6, 1, 2));
        AnswerPage(MeetingsPath, 2, MeetingPage(6, 3, 4));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var meeting in Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2, cancellationToken: cancellation.Token))
            {
                seen.Add(meeting.Title);
                if (seen.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(["meeting 1", "meeting 2"], seen);
        Assert.Equal(["page_no=1&per_page=2"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingsAsync_honours_the_token_given_to_WithCancellation()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(6, 1, 2));
        AnswerPage(MeetingsPath, 2, MeetingPage(6, 3, 4));
        using var cancellation = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var meeting in Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2).WithCancellation(cancellation.Token))
            {
                if (++seen == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_companion_is_enumerated_and_each_enumeration_walks_again()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(1, 1));

        var meetings = Client.Meetings.EnumerateMeetingsAsync(Account, App);
        Assert.Empty(_api.Requests);

        Assert.Single(await meetings.ToListAsync());
        Assert.Single(await meetings.ToListAsync());
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task EnumerateSessionsAsync_reads_the_items_at_data_sessions()
    {
        var path = AppPath + "/sessions";
        var example = JObject.Parse(DocumentExamples.SuccessBody("listSessions"));
        var session = (JObject)example["data"]!["sessions"]![0]!;
        string Page(params string[] ids) => new JObject
        {
            ["success"] = true,
            ["data"] = new JObject { ["sessions"] = new JArray(ids.Select(id => { var copy = (JObject)session.DeepClone(); copy["id"] = id; return copy; })) },
            ["paging"] = new JObject { ["total_count"] = 3, ["start_offset"] = 1, ["end_offset"] = 3 },
        }.ToString(Newtonsoft.Json.Formatting.None);
        AnswerPage(path, 1, Page("s1", "s2"));
        AnswerPage(path, 2, Page("s3"));

        var sessions = await Client.Sessions.EnumerateSessionsAsync(Account, App, perPage: 2, status: SessionStatus.Ended).ToListAsync();

        Assert.Equal(["s1", "s2", "s3"], sessions.Select(s => s.Id));
        Assert.Equal(["page_no=1&per_page=2&status=ENDED", "page_no=2&per_page=2&status=ENDED"], Queries());
    }

    [Fact]
    public async Task EnumerateMeetingLivestreamsAsync_reads_the_items_at_data_livestreams_and_the_paging_at_data_paging()
    {
        var meetingId = Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
        var path = AppPath + "/meetings/" + meetingId + "/livestream";
        var example = JObject.Parse(DocumentExamples.SuccessBody("listMeetingLivestreams"));
        var livestream = (JObject)example["data"]!["livestreams"]![0]!;
        string Page(params string[] ids) => new JObject
        {
            ["success"] = true,
            ["data"] = new JObject
            {
                ["livestreams"] = new JArray(ids.Select(id => { var copy = (JObject)livestream.DeepClone(); copy["id"] = id; return copy; })),
                ["paging"] = new JObject { ["total_count"] = 2, ["start_offset"] = 1, ["end_offset"] = 2 },
            },
        }.ToString(Newtonsoft.Json.Formatting.None);
        AnswerPage(path, 1, Page("l1"));
        AnswerPage(path, 2, Page("l2"));
        AnswerPage(path, 3, Page("l3"));

        var livestreams = await Client.Livestreams.EnumerateMeetingLivestreamsAsync(Account, App, meetingId, perPage: 1).ToListAsync();

        Assert.Equal(["l1", "l2"], livestreams.Select(l => l.Id));
        Assert.Equal(["page_no=1&per_page=1", "page_no=2&per_page=1"], Queries());
    }

    [Fact]
    public async Task EnumerateAppsAsync_without_paging_in_the_answer_walks_until_an_empty_page()
    {
        var path = "/client/v4/accounts/" + Account + "/realtime/kit/apps";
        static string Page(params string[] ids) => new JObject
        {
            ["success"] = true,
            ["data"] = new JArray(ids.Select(id => new JObject { ["id"] = id, ["name"] = id })),
        }.ToString(Newtonsoft.Json.Formatting.None);
        AnswerPage(path, 1, Page("a1", "a2"));
        AnswerPage(path, 2, Page("a3"));
        AnswerPage(path, 3, Page());

        var apps = await Client.Apps.EnumerateAppsAsync(Account, perPage: 2, sortOrder: SortOrder.Ascending).ToListAsync();

        Assert.Equal(["a1", "a2", "a3"], apps.Select(a => a.Id));
        Assert.Equal(["page_no=1&per_page=2&sort_order=ASC", "page_no=2&per_page=2&sort_order=ASC", "page_no=3&per_page=2&sort_order=ASC"], Queries());
    }

    [Fact]
    public async Task A_failed_page_ends_the_walk_with_the_API_error_after_the_earlier_items()
    {
        AnswerPage(MeetingsPath, 1, MeetingPage(4, 1, 2));
        _api.Server
            .Given(Request.Create().WithPath(MeetingsPath).UsingGet().WithParam("page_no", "2"))
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("{\"success\":false,\"error\":{\"code\":404,\"message\":\"gone\"}}"));

        var seen = 0;
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(async () =>
        {
            await foreach (var meeting in Client.Meetings.EnumerateMeetingsAsync(Account, App, perPage: 2))
            {
                seen++;
            }
        });

        Assert.Equal(2, seen);
    }

    [Fact]
    public void Every_operation_with_page_no_and_paging_in_its_answer_is_marked_paged_in_the_document()
    {
        var marked = DocumentExamples.Operations
            .Where(o => o.Operation.Extensions?.ContainsKey("x-rtk-paged") ?? false)
            .Select(o => o.Operation.OperationId)
            .Order(StringComparer.Ordinal);

        // listSessionParticipants answers no paging; listLivestreams and listSessionLivestreamSessions answer one object, not a list (as published).
        Assert.Equal(["listApps", "listMeetingLivestreams", "listMeetings", "listParticipants", "listPresets", "listRecordings", "listSessions"], marked);
    }
}
