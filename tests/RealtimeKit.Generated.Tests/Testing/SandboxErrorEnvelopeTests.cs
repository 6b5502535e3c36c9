using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox is never stricter than the service about ids, and every error it answers has the
/// documented shape: <c>{"success":false,"error":{"code":status,"message":…}}</c>, or the
/// documented 401 body for a wrong token.
/// </summary>
public sealed class SandboxErrorEnvelopeTests : IAsyncDisposable
{
    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    public static TheoryData<string, string, string?> ActiveSessionRoutes => new()
    {
        { "GET", "active-session", null },
        { "POST", "active-session/kick", """{"participant_ids":["p"]}""" },
        { "POST", "active-session/kick-all", null },
        { "POST", "active-session/mute", """{"participant_ids":["p"]}""" },
        { "POST", "active-session/mute-all", """{"allow_unmute":true}""" },
        { "POST", "active-session/poll", """{"question":"q","options":["a","b"]}""" },
        { "GET", string.Empty, null },
        { "PATCH", string.Empty, """{"title":"t"}""" },
        { "GET", "participants", null },
    };

    [Theory]
    [MemberData(nameof(ActiveSessionRoutes))]
    public async Task A_meeting_id_that_is_not_a_uuid_is_a_meeting_that_does_not_exist(string method, string relative, string? body)
    {
        var (status, answer) = await SendAsync(method, $"accounts/acc/realtime/kit/app/meetings/meeting_id/{relative}".TrimEnd('/'), body);

        Assert.Equal(404, status);
        AssertEnvelope(404, answer);
        Assert.StartsWith("NOT_FOUND ", (string)JObject.Parse(answer)["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_id_that_is_not_a_uuid_is_answered_as_the_published_example_says()
    {
        var (status, answer) = await SendAsync("GET", "accounts/acc/realtime/kit/app/webhooks/12345", null);

        Assert.Equal(400, status);
        Assert.Equal("""{"success":false,"error":{"code":400,"message":"BAD_REQUEST \"id\" must be a valid GUID"}}""", answer);
    }

    [Fact]
    public async Task Every_operation_answers_unknown_ids_and_empty_bodies_in_the_envelope_and_a_wrong_token_with_the_documented_401()
    {
        var errors = 0;
        foreach (var route in SandboxDocument.Instance.Routes)
        {
            var path = route.Template.TrimStart('/');
            foreach (var parameter in route.Parameters)
            {
                path = path.Replace("{" + parameter.Name + "}", parameter.Name is "account_id" or "app_id" ? "acc" : "not-a-uuid", StringComparison.Ordinal);
            }

            var body = route.RequestBody is null ? null : "{}";
            var (status, answer) = await SendAsync(route.Method, path, body);
            Assert.True(status < 500, $"{route.OperationId}: {status} {answer}");
            if (status >= 400)
            {
                errors++;
                AssertEnvelope(status, answer, route.OperationId);
            }

            var (unauthorized, refusal) = await SendAsync(route.Method, path, body, token: "wrong");
            Assert.Equal(401, unauthorized);
            Assert.Equal("""{"message":"Unauthorized"}""", refusal);
        }

        Assert.True(errors > SandboxDocument.Instance.Routes.Count / 2, $"only {errors} of {SandboxDocument.Instance.Routes.Count} operations answered an error");
        var (missing, noRoute) = await SendAsync("GET", "accounts/acc/realtime/kit/app/nothing-here", null);
        Assert.Equal(404, missing);
        AssertEnvelope(404, noRoute);
        var (notAllowed, wrongMethod) = await SendAsync("DELETE", "accounts/acc/realtime/kit/app/meetings", null);
        Assert.Equal(405, notAllowed);
        AssertEnvelope(405, wrongMethod);
    }

    private static void AssertEnvelope(int status, string answer, string? operationId = null)
    {
        var json = JObject.Parse(answer);
        Assert.True(json.Properties().Select(p => p.Name).SequenceEqual(["success", "error"]), $"{operationId}: {answer}");
        Assert.False((bool)json["success"]!);
        var error = (JObject)json["error"]!;
        Assert.True(error.Properties().Select(p => p.Name).SequenceEqual(["code", "message"]), $"{operationId}: {answer}");
        Assert.Equal(status, (int)error["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]), $"{operationId}: {answer}");
    }

    private async Task<(int Status, string Body)> SendAsync(string method, string relative, string? body, string? token = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_sandbox.BaseAddress, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _sandbox.ApiToken);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
