using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>The built realtimekit CLI as a separate process, as users run it.</summary>
public sealed partial class CliProcessTests
{
    private static ProcessStartInfo Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CLOUDFLARE_API_TOKEN");
        start.Environment.Remove("CLOUDFLARE_ACCOUNT_ID");
        start.Environment.Remove("CLOUDFLARE_BASE_URL");
        return start;
    }

    [Theory]
    [InlineData("meetings li", "list")]
    [InlineData("meetings list --st", "--status")]
    [InlineData("meetings list --status ", "ACTIVE,INACTIVE")]
    [InlineData("sand", "sandbox")]
    public async Task Bash_completion_from_the_completion_script_offers_commands_options_and_known_values(string typed, string expected)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
        {
            return; // no bash on this machine: nothing to complete in
        }

        // The CLI on the PATH as `realtimekit`, as an installed tool is.
        var folder = Directory.CreateTempSubdirectory("rtk-completion-");
        try
        {
            var shim = Path.Combine(folder.FullName, "realtimekit");
            await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet '{Repository.CliAssembly}' \"$@\"\n");
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var words = ("realtimekit " + typed).Split(' ');
            var script = $$"""
                source <(realtimekit completion bash)
                COMP_LINE='realtimekit {{typed}}'; COMP_POINT=${#COMP_LINE}
                COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
                _realtimekit_completions
                printf '%s\n' "${COMPREPLY[@]}"
                """;
            var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.Environment["PATH"] = folder.FullName + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(start)!;
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);

            var offered = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(process.ExitCode == 0, await error);
            Assert.All(expected.Split(','), value => Assert.Contains(value, offered));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_demo_runs_as_a_process_and_exits_0()
    {
        using var process = Process.Start(Cli("demo"))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("Demo finished", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_with_telemetry_prints_the_spans_and_measurements_of_its_calls_and_deliveries()
    {
        using var process = Process.Start(Cli("demo", "--telemetry"))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        var text = await output;

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("Demo finished", text, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "Activity.DisplayName:        RealtimeKit addWebhook",
            "Activity.DisplayName:        RealtimeKit createMeeting",
            "Activity.DisplayName:        RealtimeKit webhook meeting.started",
            "http.response.status_code: 401",
            "error.type: 401",
            "realtimekit.webhook.outcome: handled",
            "Metric Name: realtimekit.client.operation.duration",
            "Metric Name: realtimekit.webhook.deliveries",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sandbox_serves_on_a_free_port_until_SIGTERM()
    {
        var port = Ports.OutsideEphemeralRange();
        using var process = Process.Start(Cli("sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(limit.Token);
            var match = FirstLine().Match(first ?? string.Empty);
            Assert.True(match.Success, first);
            var baseAddress = new Uri(match.Groups["url"].Value);
            var token = match.Groups["token"].Value;
            Assert.Equal(new Uri($"http://127.0.0.1:{port}/client/v4/"), baseAddress);

            using var http = new HttpClient { BaseAddress = baseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var add = await http.PostAsync("accounts/acc/realtime/kit/app/webhooks",
                new StringContent("""{"name":"raw","url":"https://e.com/raw","events":["meeting.started"]}""", Encoding.UTF8, "application/json"), limit.Token);
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
            var list = await http.GetStringAsync("accounts/acc/realtime/kit/app/webhooks", limit.Token);
            Assert.Contains("\"name\":\"raw\"", list, StringComparison.Ordinal);

            Assert.Equal("Press Ctrl+C to stop.", await process.StandardOutput.ReadLineAsync(limit.Token));
            Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} POST /client/v4/accounts/acc/realtime/kit/app/webhooks -> 201 \(addWebhook\)$", await process.StandardOutput.ReadLineAsync(limit.Token));
            Assert.Matches(@" GET /client/v4/accounts/acc/realtime/kit/app/webhooks -> 200 \(listWebhooks\)$", await process.StandardOutput.ReadLineAsync(limit.Token));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(limit.Token);
            }

            await process.WaitForExitAsync(limit.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Sandbox stopped.", await process.StandardOutput.ReadToEndAsync(limit.Token), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task The_sandbox_enforces_a_rate_limit_when_asked()
    {
        var port = Ports.OutsideEphemeralRange();
        using var process = Process.Start(Cli("sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rate-limit", "2/1h"))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var match = FirstLine().Match(await process.StandardOutput.ReadLineAsync(limit.Token) ?? string.Empty);
            Assert.True(match.Success);
            Assert.Equal("Rate limit per token: 2/3600s", await process.StandardOutput.ReadLineAsync(limit.Token));
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups["url"].Value) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", match.Groups["token"].Value);

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.GetAsync("accounts/acc/realtime/kit/app/webhooks", limit.Token);
                statuses.Add(response.StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task An_import_against_a_limited_sandbox_adds_every_row_once_and_a_second_run_adds_nothing()
    {
        var port = Ports.OutsideEphemeralRange();
        using var sandbox = Process.Start(Cli("sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rate-limit", "20/1s"))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var folder = Directory.CreateTempSubdirectory("rtk-import-process-").FullName;
        try
        {
            var match = FirstLine().Match(await sandbox.StandardOutput.ReadLineAsync(limit.Token) ?? string.Empty);
            Assert.True(match.Success);
            var (url, token) = (match.Groups["url"].Value, match.Groups["token"].Value);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var created = await http.PostAsync("accounts/acc/realtime/kit/app/meetings", new StringContent("""{"title":"Class"}""", Encoding.UTF8, "application/json"), limit.Token);
            var meetingId = (string)Newtonsoft.Json.Linq.JObject.Parse(await created.Content.ReadAsStringAsync(limit.Token))["data"]!["id"]!;
            var input = Path.Combine(folder, "class.csv");
            await File.WriteAllLinesAsync(input, ["custom_participant_id,preset_name,name,picture", .. Enumerable.Range(0, 30).Select(i => $"student-{i}@example.com,student,\"Student, No. {i}\",")], limit.Token);
            await Task.Delay(TimeSpan.FromSeconds(1.1), limit.Token); // the window of the setup calls ends

            async Task<(int Code, string Output, string Error)> ImportAsync()
            {
                using var import = Process.Start(Cli("participants", "import", "--api-token", token, "--account-id", "acc", "--base-url", url, "--app-id", "app", "--meeting-id", meetingId, "--file", input))!;
                var output = import.StandardOutput.ReadToEndAsync(limit.Token);
                var error = import.StandardError.ReadToEndAsync(limit.Token);
                await import.WaitForExitAsync(limit.Token);
                return (import.ExitCode, await output, await error);
            }

            var first = await ImportAsync();
            Assert.True(first.Code == 0, first.Error);
            Assert.StartsWith("30 rows: 30 added, 0 done by an earlier run, 0 found in the meeting already, 0 failed.", first.Output, StringComparison.Ordinal);
            Assert.Contains("added 30 of 30 (100 %), 0 failed", first.Error, StringComparison.Ordinal);
            var tokens = await File.ReadAllLinesAsync(Path.Combine(folder, "class.tokens.csv"), limit.Token);
            Assert.Equal(31, tokens.Length);

            var second = await ImportAsync();
            Assert.True(second.Code == 0, second.Error);
            Assert.StartsWith("30 rows: 0 added, 30 done by an earlier run,", second.Output, StringComparison.Ordinal);
            Assert.Equal(tokens, await File.ReadAllLinesAsync(Path.Combine(folder, "class.tokens.csv"), limit.Token));

            var listed = Newtonsoft.Json.Linq.JObject.Parse(await http.GetStringAsync($"accounts/acc/realtime/kit/app/meetings/{meetingId}/participants?per_page=100", limit.Token));
            Assert.Equal(30, listed["data"]!.Count());
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_rate_limit_that_is_not_one_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "sandbox", "--port", "0", "--rate-limit", "lots");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rate-limit must be count/window, e.g. 250/10s", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^RealtimeKit sandbox listening: --base-url (?<url>\S+) --api-token (?<token>\S+)$")]
    private static partial Regex FirstLine();
}
