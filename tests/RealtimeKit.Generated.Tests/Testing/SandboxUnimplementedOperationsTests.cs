using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox routes and implements every operation of the document: none answers 501, and
/// every one checks the token first.
/// </summary>
public sealed class SandboxUnimplementedOperationsTests : IAsyncDisposable
{
    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task No_operation_of_the_document_answers_501()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiToken);
        var operations = DocumentExamples.Operations.ToList();
        Assert.Equal(62, operations.Count);
        Assert.Equal(operations.Select(o => o.Operation.OperationId!).Order(StringComparer.Ordinal), SandboxOperations.ImplementedOperationIds.Order(StringComparer.Ordinal));

        foreach (var (template, method, operation) in operations)
        {
            var path = Fill(template);
            using var request = new HttpRequestMessage(method, new Uri(_sandbox.BaseAddress, path.TrimStart('/')));
            if (operation.RequestBody is not null)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode != HttpStatusCode.NotImplemented, $"{method} {path}: 501 {await response.Content.ReadAsStringAsync()}");
            Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(operations.Select(o => o.Operation.OperationId), _sandbox.Requests.Select(r => r.OperationId));
        Assert.DoesNotContain(_sandbox.Requests, r => r.StatusCode == 501);
    }

    [Fact]
    public async Task The_generated_client_gets_a_not_found_for_an_unknown_peer()
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

        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => sessions.GetPeerReportAsync(SpecExamples.AccountId, SpecExamples.AppId, "peer-1"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NOT_FOUND peer peer-1 does not exist", error.ApiMessage);
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
