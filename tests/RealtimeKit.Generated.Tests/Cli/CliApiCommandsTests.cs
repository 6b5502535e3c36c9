using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RealtimeKit.Cli;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>The command groups built from the document (apps, meetings, participants, …) against WireMock: exact requests, data printed, paging, usage errors.</summary>
public sealed class CliApiCommandsTests : IDisposable
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";
    private const string App = "/client/v4/accounts/" + Account + "/realtime/kit/" + SpecExamples.AppId;
    private const string Meetings = App + "/meetings";
    private const string Participants = Meetings + "/" + MeetingId + "/participants";

    private static readonly string[] _groups =
        ["apps", "meetings", "participants", "presets", "sessions", "recordings", "livestreams", "active-session", "analytics", "webhooks"];

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private Dictionary<string, string?> Environment => new()
    {
        ["CLOUDFLARE_API_TOKEN"] = _api.Token,
        ["CLOUDFLARE_ACCOUNT_ID"] = Account,
        ["CLOUDFLARE_BASE_URL"] = _api.BaseAddress.ToString(),
    };

    private void Stub(string method, string path, string operationId) =>
        _api.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId)).WithHeader("Content-Type", "application/json")
                .WithBody(DocumentExamples.SuccessBody(operationId)));

    private static JToken Parse(string json) =>
        JToken.ReadFrom(new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset });

    private static JToken ExampleData(string operationId) => Parse(DocumentExamples.SuccessBody(operationId))["data"]!;

    /// <summary>The example answer's data as the library reads and writes it: what --output json prints.</summary>
    private static string ExpectedData<TResponse>(string operationId)
    {
        var answer = RealtimeKitJson.Deserialize<TResponse>(DocumentExamples.SuccessBody(operationId))!;
        var data = typeof(TResponse).GetProperty("Data")!.GetValue(answer)!;
        return RealtimeKitJson.Serialize(data, indented: true).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public async Task Meetings_create_sends_exactly_the_title_and_prints_the_APIs_data_in_json()
    {
        Stub("POST", Meetings, "createMeeting");

        var run = await CliRun.RunAsync(Environment, "meetings", "create", "--app-id", SpecExamples.AppId, "--title", "Daily standup", "--record-on-start", "true", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(string.Empty, run.Error);
        Wire.AssertRequest(_api.SingleRequest(), "POST", Meetings, _api.Token, "{\"title\":\"Daily standup\",\"record_on_start\":true}");
        Assert.Equal(ExpectedData<MeetingResponse>("createMeeting"), run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Body_sets_the_whole_body_and_field_options_change_its_fields()
    {
        Stub("POST", Meetings, "createMeeting");

        var run = await CliRun.RunAsync(Environment, "meetings", "create", "--app-id", SpecExamples.AppId,
            "--body", "{\"title\":\"from json\",\"recording_config\":{\"max_seconds\":60}}", "--title", "Standup");

        Assert.True(run.ExitCode == 0, run.Error);
        Wire.AssertSameJson("{\"title\":\"Standup\",\"recording_config\":{\"max_seconds\":60}}", _api.SingleRequest().RequestMessage.Body!);
    }

    [Fact]
    public async Task Participants_add_sends_the_body_fields_by_their_JSON_names()
    {
        Stub("POST", Participants, "addParticipant");

        var run = await CliRun.RunAsync(Environment, "participants", "add", "--app-id", SpecExamples.AppId, "--meeting-id", MeetingId,
            "--custom-participant-id", "user-42", "--preset-name", "group_call_host", "--name", "Ada", "-o", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Wire.AssertRequest(_api.SingleRequest(), "POST", Participants, _api.Token,
            "{\"custom_participant_id\":\"user-42\",\"preset_name\":\"group_call_host\",\"name\":\"Ada\"}");
        Assert.Equal(ExpectedData<MeetingParticipantWithTokenResponse>("addParticipant"), run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Participants_refresh_token_posts_without_a_body_and_prints_the_token()
    {
        var path = Participants + "/aa70173a/token";
        Stub("POST", path, "refreshParticipantToken");

        var json = await CliRun.RunAsync(Environment, "participants", "refresh-token", "--app-id", SpecExamples.AppId, "--meeting-id", MeetingId, "--participant-id", "aa70173a", "-o", "json");
        var table = await CliRun.RunAsync(Environment, "participants", "refresh-token", "--app-id", SpecExamples.AppId, "--meeting-id", MeetingId, "--participant-id", "aa70173a");

        Assert.True(json.ExitCode == 0, json.Error);
        Wire.AssertRequest(_api.Requests[0], "POST", path, _api.Token, jsonBody: null);
        Assert.True(JToken.DeepEquals(ExampleData("refreshParticipantToken"), Parse(json.Output)), json.Output);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains((string)ExampleData("refreshParticipantToken")["token"]!, table.Output, StringComparison.Ordinal);
        Assert.Contains("│ token ", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_walks_page_no_until_total_count_and_prints_every_item()
    {
        var example = (JObject)Parse(DocumentExamples.SuccessBody("listMeetings"));
        var item = (JObject)example["data"]![0]!;
        for (var page = 1; page <= 3; page++)
        {
            var answer = (JObject)example.DeepClone();
            var items = new JArray();
            for (var i = 0; i < (page < 3 ? 2 : 1); i++)
            {
                var copy = (JObject)item.DeepClone();
                copy["title"] = $"meeting {page}.{i}";
                items.Add(copy);
            }

            answer["data"] = items;
            answer["paging"] = new JObject { ["total_count"] = 5, ["start_offset"] = (page - 1) * 2, ["end_offset"] = ((page - 1) * 2) + items.Count - 1 };
            _api.Server.Given(Request.Create().WithPath(Meetings).UsingGet().WithParam("page_no", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(answer.ToString(Formatting.None)));
        }

        var run = await CliRun.RunAsync(Environment, "meetings", "list", "--app-id", SpecExamples.AppId, "--per-page", "2", "--all", "-o", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["page_no=1&per_page=2", "page_no=2&per_page=2", "page_no=3&per_page=2"],
            _api.Requests.OrderBy(r => r.RequestMessage.DateTime).Select(r => r.RequestMessage.RawQuery!.TrimStart('?')));
        Assert.Equal(["meeting 1.0", "meeting 1.1", "meeting 2.0", "meeting 2.1", "meeting 3.0"], JArray.Parse(run.Output).Select(m => (string)m["title"]!));

        var table = await CliRun.RunAsync(Environment, "meetings", "list", "--app-id", SpecExamples.AppId, "--page-no", "3");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("title", table.Output, StringComparison.Ordinal);
        Assert.Contains("meeting 3.0", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_in_an_80_column_terminal_shows_the_identifying_columns_whole_ids_and_what_it_left_out()
    {
        var answer = JObject.Parse(DocumentExamples.SuccessBody("listMeetings"));
        var example = (JObject)((JArray)answer["data"]!)[0];
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToArray();
        answer["data"] = new JArray(ids.Select((id, i) =>
        {
            var meeting = (JObject)example.DeepClone();
            meeting["id"] = id;
            meeting["title"] = $"Quarterly all-hands for the whole engineering organisation, part {i}";
            return meeting;
        }));
        answer["paging"] = new JObject { ["total_count"] = 134, ["start_offset"] = 0, ["end_offset"] = 4 };
        _api.Server.Given(Request.Create().WithPath(Meetings).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(answer.ToString(Formatting.None)));
        var narrow = new Dictionary<string, string?>(Environment) { ["COLUMNS"] = "80" };

        var table = await CliRun.RunAsync(narrow, "meetings", "list", "--app-id", SpecExamples.AppId);
        var wide = await CliRun.RunAsync(narrow, "meetings", "list", "--app-id", SpecExamples.AppId, "-o", "wide");

        Assert.True(table.ExitCode == 0, table.Error);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} characters: {line}"));
        Assert.All(ids, id => Assert.Contains(id, table.Output, StringComparison.Ordinal));
        var header = lines[1];
        // Four columns identify a meeting; at 80 columns the creation time gives its place to a readable title.
        Assert.Equal(["id", "title", "status"], header.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Quarterly all-hands for", table.Output, StringComparison.Ordinal);
        Assert.Contains("…", table.Output, StringComparison.Ordinal);
        Assert.Contains("5 of 134 (use --all)", table.Output, StringComparison.Ordinal);
        Assert.Contains("Not shown: ", table.Output, StringComparison.Ordinal);
        var notShown = table.Output[table.Output.IndexOf("Not shown: ", StringComparison.Ordinal)..].ReplaceLineEndings(" ");
        Assert.Contains("created_at", notShown, StringComparison.Ordinal);
        Assert.Contains("record_on_start", notShown, StringComparison.Ordinal);

        Assert.True(wide.ExitCode == 0, wide.Error);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", wide.Output);
        Assert.Contains("record_on_start", wide.Output.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("Quarterly all-hands for the whole engineering organisation, part 4", wide.Output, StringComparison.Ordinal); // wider than the terminal: it wraps the lines, not the cells
        Assert.DoesNotContain("Not shown", wide.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["participants", "add", "--app-id", "a", "--meeting-id", MeetingId, "--custom-participant-id", "u", "--name", "n"], "--preset-name is required" },
        { ["participants", "add", "--app-id", "a", "--custom-participant-id", "u", "--preset-name", "p"], "--meeting-id is required; find it with: realtimekit meetings list --app-id <app-id>" },
        { ["meetings", "list"], "--app-id is required; find it with: realtimekit apps list" },
        { ["meetings", "get", "--app-id", "a", "--meeting-id", "not-a-uuid"], "--meeting-id: 'not-a-uuid' is not a UUID" },
        { ["meetings", "list", "--app-id", "a", "--page-no", "two"], "--page-no: 'two' is not a whole number" },
        { ["meetings", "list", "--app-id", "a", "--status", "LIVE"], "--status: 'LIVE' is not one of ACTIVE, INACTIVE" },
        { ["meetings", "create", "--app-id", "a", "--record-on-start", "maybe"], "--record-on-start: 'maybe' is not true or false" },
        { ["meetings", "create", "--app-id", "a", "--body", "{not json"], "--body:" },
        { ["meetings", "create", "--app-id", "a/b"], "--app-id: appId must be one path segment" },
        { ["meetings", "nonsense"], "nonsense" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Bad_usage_exits_2_naming_the_option_and_sends_nothing(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(Environment, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task An_API_error_exits_1_naming_the_operation()
    {
        _api.Server.Given(Request.Create().WithPath(Meetings + "/" + MeetingId).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(SpecExamples.UnauthorizedAddPage));

        var run = await CliRun.RunAsync(Environment, "meetings", "get", "--app-id", SpecExamples.AppId, "--meeting-id", MeetingId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: RealtimeKit API 401 Unauthorized: Unauthorized (GET {Meetings}/{MeetingId}) [operation getMeeting]\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Root_help_lists_every_group()
    {
        var run = await CliRun.RunAsync(Environment, "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var group in _groups)
        {
            Assert.Contains($"  {group} ", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_groups_help_lists_its_commands_with_the_operations_summaries()
    {
        var root = RealtimeKitCli.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, _ => null));
        foreach (var group in _groups)
        {
            var run = await CliRun.RunAsync(Environment, group, "--help");

            Assert.Equal(0, run.ExitCode);
            var command = root.Subcommands.Single(c => c.Name == group);
            Assert.NotEmpty(command.Subcommands);
            foreach (var sub in command.Subcommands)
            {
                Assert.Contains($"  {sub.Name} ", run.Output, StringComparison.Ordinal);
                if (sub is ApiCommand api)
                {
                    Assert.Contains(api.Operation.Summary, run.Output, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void The_naming_rule_gives_the_contract_names()
    {
        var names = ApiCatalog.Instance.Operations.ToDictionary(o => o.OperationId, o => $"{o.Group} {o.CommandName}");

        Assert.Equal("meetings create", names["createMeeting"]);
        Assert.Equal("meetings list", names["listMeetings"]);
        Assert.Equal("participants add", names["addParticipant"]);
        Assert.Equal("participants list", names["listParticipants"]);
        Assert.Equal("participants refresh-token", names["refreshParticipantToken"]);
        Assert.Equal("active-session kick-participants", names["kickParticipants"]);
        Assert.Equal("active-session get", names["getActiveSession"]);
        Assert.Equal("webhooks events", names["listWebhookEvents"]);
        Assert.Equal("get-chat", CommandNames.CommandName("getSessionChat", "sessions"));
    }

    [Fact]
    public void Every_body_field_not_given_is_left_out_of_the_request()
    {
        // The generated commands set only the fields given on a new body: each optional field must be one that is not sent when null.
        foreach (var operation in ApiCatalog.Instance.Operations)
        {
            var body = operation.Method.GetParameters().SingleOrDefault(p => p.Name == "body")?.ParameterType;
            var required = DocumentExamples.Operation(operation.OperationId).RequestBody?.Content?["application/json"].Schema?.Required?.ToList() ?? [];
            Assert.Equal(required.Order(), (operation.Document.Body?.Required ?? []).Order()); // the build-time catalog says what the document says
            foreach (var property in body?.GetProperties() ?? [])
            {
                if (property.GetCustomAttributes(typeof(JsonPropertyAttribute), false).SingleOrDefault() is JsonPropertyAttribute attribute
                    && !required.Contains(attribute.PropertyName!)
                    && !(property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(RealtimeKitOptional<>)))
                {
                    Assert.True(attribute.NullValueHandling == NullValueHandling.Ignore, $"{operation.OperationId}: {attribute.PropertyName}");
                    Assert.True(!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null, $"{operation.OperationId}: {attribute.PropertyName}");
                }
            }
        }
    }

    [Fact]
    public void Every_operation_of_the_document_has_a_command()
    {
        var root = RealtimeKitCli.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, _ => null));
        var catalog = ApiCatalog.Instance.Operations.ToDictionary(o => o.OperationId);
        var operationIds = DocumentExamples.Operations.Select(o => o.Operation.OperationId!).ToList();

        Assert.Equal(62, operationIds.Count);
        Assert.Equal(operationIds.Order(), catalog.Keys.Order());
        foreach (var operationId in operationIds)
        {
            var operation = catalog[operationId];
            var group = root.Subcommands.Single(c => c.Name == operation.Group);
            var command = group.Subcommands.SingleOrDefault(c => c.Name == operation.CommandName);
            Assert.True(command is not null, $"{operationId}: no command '{operation.Group} {operation.CommandName}'");
            Assert.True(command is not ApiCommand api || api.Operation.OperationId == operationId, operationId);
            Assert.NotNull(command.Action);
        }

        // Hand-written commands stand in only for the webhooks operations (and add the sandbox-only trigger, simulate and end, and the import).
        var handWritten = root.Subcommands.Where(c => _groups.Contains(c.Name)).SelectMany(g => g.Subcommands.Where(c => c is not ApiCommand).Select(c => $"{g.Name} {c.Name}"));
        Assert.Equal(["meetings simulate", "meetings end", "participants import", "webhooks list", "webhooks add", "webhooks get", "webhooks replace", "webhooks edit", "webhooks delete", "webhooks events", "webhooks trigger"], handWritten);
    }
}
