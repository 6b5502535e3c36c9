using CsvHelper;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// <c>realtimekit participants import</c> in-process against a sandbox that enforces a rate limit:
/// every attendee once, RFC 4180 files both ways, resuming, failed rows, and the results file.
/// </summary>
public sealed class ParticipantsImportTests : IAsyncLifetime
{
    private const string App = SpecExamples.AppId;
    private const string Header = "custom_participant_id,preset_name,name,picture";
    private static readonly RealtimeKitSandboxRateLimit _limit = RealtimeKitSandboxRateLimit.Parse("25/1s");
    private readonly SandboxClient _rtk = new(new RealtimeKitSandboxOptions { RateLimit = _limit });
    private readonly string _folder = Directory.CreateTempSubdirectory("rtk-import-").FullName;
    private Guid _meetingId;

    private RealtimeKitSandbox Sandbox => _rtk.Sandbox;

    private IMeetingsClient Meetings => _rtk.Client.Meetings;

    public async Task InitializeAsync()
    {
        _meetingId = (await Meetings.CreateMeetingAsync(SpecExamples.AccountId, App, new CreateMeetingRequest { Title = "Webinar" })).Data!.Id;

        // The sandbox counts per token: let the window of this setup call end, so that every
        // request of the window an import starts in is the import's own (a process's budget
        // cannot know what another sent on the token; that is the Redis budget's job).
        await Task.Delay(_limit.Window + TimeSpan.FromMilliseconds(100));
    }

    public async Task DisposeAsync()
    {
        await _rtk.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string?> Environment => new()
    {
        ["CLOUDFLARE_API_TOKEN"] = Sandbox.ApiToken,
        ["CLOUDFLARE_ACCOUNT_ID"] = SpecExamples.AccountId,
        ["CLOUDFLARE_BASE_URL"] = Sandbox.BaseAddress.ToString(),
    };

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private Task<CliRun> ImportAsync(string file, params string[] more) =>
        CliRun.RunAsync(Environment, ["participants", "import", "--app-id", App, "--meeting-id", _meetingId.ToString(), "--file", file, .. more]);

    private int Sent(string operationId) => Sandbox.Requests.Count(r => r.OperationId == operationId);

    private async Task<List<MeetingParticipant>> InMeetingAsync()
    {
        var participants = new List<MeetingParticipant>();
        await foreach (var participant in Meetings.EnumerateParticipantsAsync(SpecExamples.AccountId, App, _meetingId, perPage: 100))
        {
            participants.Add(participant);
        }

        return participants;
    }

    /// <summary>The results file by a CSV reader of its own: header, then each row's columns.</summary>
    private static (string[] Header, List<string[]> Rows) Results(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true });
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, header.Length).Select(reader.GetString)]);
        }

        return (header, rows);
    }

    [Fact]
    public async Task Every_attendee_is_added_once_under_the_limit_and_a_second_run_adds_nothing()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"attendee-{i:D2}@example.com,webinar_viewer,Attendee {i},").ToList();
        lines[3] = "attendee-03@example.com,webinar_viewer,\"Lovelace, Ada \"\"The Countess\"\"\",https://example.com/ada.png";
        lines[7] = "attendee-07@example.com,webinar_presenter,\"Two\nLines\",";
        var input = File("webinar.csv", Header + "\n" + string.Join("\r\n", lines) + "\r\n");

        var first = await ImportAsync(input, "-o", "json");

        Assert.True(first.ExitCode == 0, first.Error);
        var summary = JObject.Parse(first.Output);
        Assert.Equal(40, (int)summary["rows"]!);
        Assert.Equal(40, (int)summary["added"]!);
        Assert.Equal(0, (int)summary["failed"]!);
        var output = Path.Combine(_folder, "webinar.tokens.csv");
        Assert.Equal(output, (string)summary["out"]!);
        Assert.Contains("added 40 of 40 (100 %), 0 failed", first.Error, StringComparison.Ordinal);
        Assert.Equal(0, Sandbox.Requests.Count(r => r.StatusCode == 429));
        Assert.Equal(40, Sent("addParticipant"));

        var participants = await InMeetingAsync();
        Assert.Equal(40, participants.Count);
        var ada = participants.Single(p => p.CustomParticipantId == "attendee-03@example.com");
        Assert.Equal("Lovelace, Ada \"The Countess\"", ada.Name);
        Assert.Equal(new Uri("https://example.com/ada.png"), ada.Picture);
        Assert.Equal("Two\nLines", participants.Single(p => p.CustomParticipantId == "attendee-07@example.com").Name);

        var (header, rows) = Results(output);
        Assert.Equal(["custom_participant_id", "preset_name", "name", "picture", "id", "token", "error"], header);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"attendee-{i:D2}@example.com"), rows.Select(r => r[0]));
        Assert.Equal("Lovelace, Ada \"The Countess\"", rows[3][2]);
        Assert.Equal("Two\nLines", rows[7][2]);
        Assert.Equal("webinar_presenter", rows[7][1]);
        Assert.All(rows, r =>
        {
            var participant = participants.Single(p => p.CustomParticipantId == r[0]);
            Assert.Equal(participant.Id.ToString("D"), r[4]);
            Assert.False(string.IsNullOrEmpty(r[5]));
            Assert.Equal(string.Empty, r[6]);
        });

        var second = await ImportAsync(input, "--out", output, "-o", "json");

        Assert.True(second.ExitCode == 0, second.Error);
        var again = JObject.Parse(second.Output);
        Assert.Equal(0, (int)again["added"]!);
        Assert.Equal(40, (int)again["already_done"]!);
        Assert.Equal(40, Sent("addParticipant"));
        Assert.Equal(40, (await InMeetingAsync()).Count);
        Assert.Equal(rows, Results(output).Rows);
    }

    [Fact]
    public async Task A_run_again_with_more_rows_adds_only_those_and_keeps_the_earlier_tokens()
    {
        var input = File("class.csv", Header + "\na@example.com,student,A,\nb@example.com,student,B,\n");
        var output = Path.Combine(_folder, "class-tokens.csv");
        Assert.Equal(0, (await ImportAsync(input, "--out", output)).ExitCode);
        var before = Results(output).Rows;

        System.IO.File.AppendAllText(input, "c@example.com,student,C,\n");
        var run = await ImportAsync(input, "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("3 rows: 1 added, 2 done by an earlier run, 0 found in the meeting already, 0 failed.", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, Sent("addParticipant"));
        var after = Results(output).Rows;
        Assert.Equal(before, after.Take(2));
        Assert.Equal("c@example.com", after[2][0]);
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], (await InMeetingAsync()).Select(p => p.CustomParticipantId).Order());
    }

    [Fact]
    public async Task An_attendee_the_meeting_has_already_is_found_with_a_new_token_not_added_again()
    {
        // As if an interrupted run had sent this add but not written its row.
        var existing = (await Meetings.AddParticipantAsync(SpecExamples.AccountId, App, _meetingId, new AddParticipantRequest { CustomParticipantId = "b@example.com", PresetName = "student" })).Data!;
        var input = File("resume.csv", Header + "\na@example.com,student,A,\nb@example.com,student,B,\nc@example.com,student,C,\n");

        var run = await ImportAsync(input);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("3 rows: 2 added, 0 done by an earlier run, 1 found in the meeting already, 0 failed.", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, Sent("addParticipant"));
        Assert.Equal(1, Sent("refreshParticipantToken"));
        Assert.Equal(3, (await InMeetingAsync()).Count);
        var b = Results(Path.Combine(_folder, "resume.tokens.csv")).Rows[1];
        Assert.Equal(existing.Id.ToString("D"), b[4]);
        Assert.False(string.IsNullOrEmpty(b[5]));
    }

    [Fact]
    public async Task Rows_that_cannot_be_added_fail_with_exit_code_1_and_are_retried_once_fixed()
    {
        Sandbox.InjectFault(RealtimeKitSandboxFault.Status(422, """{"success":false,"errors":[{"code":422,"message":"preset not found"}]}"""), times: 1, operationId: "addParticipant");
        var input = File("faulty.csv", Header + "\nrefused@example.com,student,Refused,\nno-preset@example.com,,No preset,\nok@example.com,student,OK,\nok@example.com,student,OK again,\n");

        // One add at a time, so that the one refusal falls on the first row's add, not on whichever add arrives first.
        var run = await ImportAsync(input, "--concurrency", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("4 rows: 1 added, 0 done by an earlier run, 0 found in the meeting already, 3 failed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("row 2 (no-preset@example.com): preset_name is empty", run.Output, StringComparison.Ordinal);
        Assert.Contains("row 4 (ok@example.com): custom_participant_id 'ok@example.com' is that of row 3 too; not added twice", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 of 4 rows failed", run.Error, StringComparison.Ordinal);
        var rows = Results(Path.Combine(_folder, "faulty.tokens.csv")).Rows;
        Assert.Equal(string.Empty, rows[0][4]);
        Assert.Contains("422", rows[0][6], StringComparison.Ordinal);
        Assert.Equal("preset_name is empty", rows[1][6]);
        Assert.False(string.IsNullOrEmpty(rows[2][4]));
        Assert.Equal(["ok@example.com"], (await InMeetingAsync()).Select(p => p.CustomParticipantId));

        File("faulty.csv", Header + "\nrefused@example.com,student,Refused,\nno-preset@example.com,student,No preset,\nok@example.com,student,OK,\n");
        var fixedRun = await ImportAsync(input);

        Assert.True(fixedRun.ExitCode == 0, fixedRun.Error);
        Assert.StartsWith("3 rows: 2 added, 1 done by an earlier run,", fixedRun.Output, StringComparison.Ordinal);
        Assert.Equal(["no-preset@example.com", "ok@example.com", "refused@example.com"], (await InMeetingAsync()).Select(p => p.CustomParticipantId).Order());
    }

    [Theory]
    [InlineData("custom_participant_id,name\na@example.com,A\n", "--file: '{0}' needs a header row with the columns custom_participant_id and preset_name")]
    [InlineData(null, "--file: no file '{0}'.")]
    public async Task A_file_that_is_not_an_attendee_list_is_a_usage_error_and_nothing_is_sent(string? text, string message)
    {
        var input = text is null ? Path.Combine(_folder, "missing.csv") : File("bad.csv", text);
        var sentBefore = Sandbox.Requests.Count;

        var run = await ImportAsync(input);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, input), run.Error, StringComparison.Ordinal);
        Assert.Equal(sentBefore, Sandbox.Requests.Count);
    }
}
