using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox routes every operation of the document. Those it does not implement yet answer a
/// clear 501 in the API's error shape, never a crash or a 404, after the same token check as
/// the others.
/// </summary>
public sealed class SandboxUnimplementedOperationsTests : IAsyncDisposable
{
    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task Every_operation_the_sandbox_does_not_implement_answers_501_naming_it()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiToken);
        var unimplemented = DocumentExamples.Operations.Where(o => !SandboxApi.ImplementedOperations.Contains(o.Operation.OperationId!)).ToList();
        Assert.Equal(62 - SandboxApi.ImplementedOperations.Count, unimplemented.Count);

        foreach (var (template, method, operation) in unimplemented)
        {
            var path = Fill(template);
            using var request = new HttpRequestMessage(method, new Uri(_sandbox.BaseAddress, path.TrimStart('/')));
            if (operation.RequestBody is not null)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotImplemented, $"{method} {path}: {(int)response.StatusCode}");
            var body = JObject.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(JToken.DeepEquals(body, JObject.FromObject(new
            {
                success = false,
                error = new { code = 501, message = $"{method.Method} {template} ({operation.OperationId}) is not implemented by the sandbox yet" },
            })), body.ToString());
        }

        Assert.Equal(unimplemented.Select(o => o.Operation.OperationId), _sandbox.Requests.Select(r => r.OperationId));
        Assert.All(_sandbox.Requests, r => Assert.Equal(501, r.StatusCode));
    }

    [Fact]
    public async Task The_generated_client_gets_a_RealtimeKitApiException_with_the_sandboxs_message()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.ApiToken = _sandbox.ApiToken;
            options.Retry.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var sessions = provider.GetRequiredService<IRealtimeKitClient>().Sessions;

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => sessions.GetPeerReportAsync(SpecExamples.AccountId, SpecExamples.AppId, "peer-1"));

        Assert.Equal(501, error.StatusCode);
        Assert.Equal("GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id} (getPeerReport) is not implemented by the sandbox yet", error.ApiMessage);
        Assert.Equal("getPeerReport", Assert.Single(_sandbox.Requests).OperationId);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_before_the_501()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        using var response = await http.GetAsync(new Uri(_sandbox.BaseAddress, "accounts/acc/realtime/kit/apps"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("listApps", Assert.Single(_sandbox.Requests).OperationId);
    }

    /// <summary>A path of the template with a value for every parameter: a UUID where the document says uuid, else a plain id.</summary>
    private static string Fill(string template) => System.Text.RegularExpressions.Regex.Replace(template, "{([^}]+)}", m => m.Groups[1].Value switch
    {
        "account_id" => SpecExamples.AccountId,
        "meeting_id" or "webhook_id" => "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        _ => "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df",
    });
}
