using System.Net;
using System.Net.Http.Headers;
using NSwag;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using Xunit;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox by operation: a dispatch table from operationId to handler, each tag's operations
/// registered in the tag's own file, and a pipeline of stages in a fixed order.
/// </summary>
public sealed class SandboxDispatchTests
{
    private static readonly string _operationsFolder = Path.Combine(Repository.Root, "src", "RealtimeKit.Generated.Testing", "Operations");

    [Fact]
    public async Task Each_operation_is_registered_once_in_the_file_of_its_tag()
    {
        var document = await OpenApiYamlDocument.FromFileAsync(Repository.OpenApiDocument);
        var files = Directory.GetFiles(_operationsFolder, "SandboxOperations.*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        foreach (var operation in document.Operations)
        {
            var id = operation.Operation.OperationId!;
            var tag = operation.Operation.Tags.Single();
            var registering = files.Where(f => f.Value.Contains($"table.Add(\"{id}\"", StringComparison.Ordinal)).Select(f => f.Key).ToList();
            Assert.True(registering.SequenceEqual([$"SandboxOperations.{tag}.cs"]), $"{id} (tag {tag}) is registered in [{string.Join(", ", registering)}]");
        }

        Assert.Equal(document.Operations.Select(o => o.Operation.Tags.Single()).Distinct().Order(StringComparer.Ordinal), files.Keys.Select(f => f.Split('.')[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_stages_run_in_order_and_one_that_answers_ends_the_request()
    {
        var seen = new List<string>();
        var pipeline = new SandboxPipeline([new Recording("first", seen, answers: false), new Recording("second", seen, answers: true), new Recording("third", seen, answers: false)]);

        var answer = await pipeline.InvokeAsync(new SandboxExchange("GET", "/elsewhere", new Dictionary<string, string>(), new Dictionary<string, string>(), null, DateTimeOffset.UnixEpoch));

        Assert.Equal(["first", "second", "first:after"], seen);
        Assert.Equal(new SandboxAnswer(299, "second"), answer);
    }

    [Fact]
    public async Task A_fault_is_met_before_the_token_is_checked_and_never_on_the_sandboxs_own_routes()
    {
        await using var sandbox = RealtimeKitSandbox.Start();
        using var http = new HttpClient();
        sandbox.InjectFault(RealtimeKitSandboxFault.Status(503, "{}"));

        using var key = await http.GetAsync(sandbox.PublicKeyUrl);
        using var withoutToken = await http.GetAsync(new Uri(sandbox.BaseAddress, "accounts/acc/realtime/kit/app/meetings"));
        using var afterTheFault = await http.GetAsync(new Uri(sandbox.BaseAddress, "accounts/acc/realtime/kit/app/meetings"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiToken);
        using var malformed = await http.PostAsync(new Uri(sandbox.BaseAddress, "accounts/acc/realtime/kit/app/meetings"), new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, key.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTheFault.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal([200, 503, 401, 400], sandbox.Requests.Select(r => r.StatusCode));
        Assert.Equal([null, "listMeetings", "listMeetings", "createMeeting"], sandbox.Requests.Select(r => r.OperationId));
    }

    private sealed class Recording(string name, List<string> seen, bool answers) : ISandboxStage
    {
        public async ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
        {
            seen.Add(name);
            if (answers)
            {
                return new SandboxAnswer(299, name);
            }

            var answer = await next(exchange);
            seen.Add(name + ":after");
            return answer;
        }
    }
}
