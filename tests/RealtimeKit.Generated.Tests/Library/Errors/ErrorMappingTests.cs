using System.Net;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>Every error body the API is documented or known to send, and every status class, becomes a typed exception.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private const string Single = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df/webhooks/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private void Answer(int status, string body, string contentType = "application/json", Action<IResponseBuilder>? more = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("cf-ray", "8a1b2c3d4e5f-AMS").WithBody(body);
        more?.Invoke(response);
        _api.Server.Given(Request.Create().WithPath(Single)).RespondWith(response);
    }

    private Task<WebhookResponse> EditAsync() =>
        _api.CreateClient().EditWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId, new EditWebhookRequest { Enabled = false });

    public static TheoryData<string, string> UnauthorizedBodies => new()
    {
        { "the Add page's string-wrapped body with an unquoted key", SpecExamples.UnauthorizedAddPage },
        { "the Edit page's string-wrapped body with a quoted key", SpecExamples.UnauthorizedEditPage },
        { "a raw object with a quoted key", "{\"message\":\"Unauthorized\"}" },
        { "a raw object with an unquoted key", "{\n  message: \"Unauthorized\"\n}\n" },
    };

    [Theory]
    [MemberData(nameof(UnauthorizedBodies))]
    public async Task Every_documented_401_body_gives_RealtimeKitUnauthorizedException_with_the_message(string form, string body)
    {
        Answer(401, body);

        var error = await Assert.ThrowsAsync<RealtimeKitUnauthorizedException>(EditAsync);

        Assert.True(error.ApiMessage == "Unauthorized", form);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(body, error.Response);
        Assert.Null(error.ErrorCode);
        Assert.Equal("editWebhook", error.OperationId);
        Assert.Equal($"RealtimeKit API 401 Unauthorized: Unauthorized (PATCH {Single})", error.Message);
        Assert.Equal("8a1b2c3d4e5f-AMS", Assert.Single(error.Headers["cf-ray"]));
    }

    [Fact]
    public async Task The_400_ErrorResponse_gives_the_message_and_code()
    {
        Answer(400, SpecExamples.BadRequestReplace);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal(typeof(RealtimeKitApiException), error.GetType());
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BAD_REQUEST \"id\" must be a valid GUID", error.ApiMessage);
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal($"RealtimeKit API 400 Bad Request: BAD_REQUEST \"id\" must be a valid GUID (PATCH {Single})", error.Message);
    }

    [Fact]
    public async Task Cloudflare_v4_envelope_gives_the_first_error_message_and_code()
    {
        Answer(403, SpecExamples.GatewayAuthenticationError);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Authentication error", error.ApiMessage);
        Assert.Equal(10000, error.ErrorCode);
    }

    [Fact]
    public async Task Every_v4_error_message_is_kept()
    {
        Answer(400, """{"success":false,"errors":[{"code":1001,"message":"first"},{"code":1002,"message":"second"}],"messages":[],"result":null}""");

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal("first; second", error.ApiMessage);
        Assert.Equal(1001, error.ErrorCode);
    }

    [Theory]
    [InlineData(502, "", "application/json", "the response body is empty")]
    [InlineData(503, "<html><head><title>503 Service Unavailable</title></head><body>cloudflare</body></html>", "text/html", "the response body is HTML, not JSON")]
    [InlineData(500, "{\"success\": false, \"error\": {\"code\": 5", "application/json", "the response body is not valid JSON")]
    [InlineData(500, "upstream connect error or disconnect/reset before headers", "text/plain", "the response body is not JSON (text/plain, 57 characters)")]
    [InlineData(500, "[1, 2, 3]", "application/json", "the response body is JSON of an unknown shape")]
    [InlineData(500, "{\"success\": false}", "application/json", "the response body is JSON with no message")]
    public async Task Bodies_without_a_message_keep_the_raw_body_and_say_what_arrived(int status, string body, string contentType, string description)
    {
        Answer(status, body, contentType);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.ApiMessage);
        Assert.Equal(body, error.Response);
        Assert.Contains(description, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(PATCH {Single})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_gives_RealtimeKitNotFoundException()
    {
        Answer(404, """{"success":false,"error":{"code":404,"message":"Webhook not found"}}""");

        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(EditAsync);

        Assert.Equal("Webhook not found", error.ApiMessage);
        Assert.Equal(404, error.ErrorCode);
    }

    [Fact]
    public async Task A_429_gives_RealtimeKitRateLimitedException_with_RetryAfter()
    {
        Answer(429, """{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}]}""",
            more: r => r.WithHeader("Retry-After", "7"));

        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(EditAsync);

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(971, error.ErrorCode);
        Assert.Equal("Please wait and consider throttling your request speed", error.ApiMessage);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(500)]
    [InlineData(504)]
    public async Task Other_statuses_give_RealtimeKitApiException_with_the_status(int status)
    {
        Answer(status, "{\"message\":\"nope\"}");

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal(typeof(RealtimeKitApiException), error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("nope", error.ApiMessage);
    }

    [Theory]
    [InlineData("<html><body>OK</body></html>", "text/html", "not a valid WebhookResponse")]
    [InlineData("{\"success\": true}", "application/json", "not a valid WebhookResponse")]
    [InlineData("{\"success\": true, \"data\": {\"id\": \"not-a-guid\"}}", "application/json", "not a valid WebhookResponse")]
    [InlineData("{\"success\": true, \"data\": ", "application/json", "not a valid WebhookResponse")]
    [InlineData("", "application/json", "the response body is empty")]
    [InlineData("null", "application/json", "the response body is empty")]
    public async Task A_success_status_with_an_unreadable_body_gives_RealtimeKitApiException(string body, string contentType, string description)
    {
        Answer(200, body, contentType);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(EditAsync);

        Assert.Equal(200, error.StatusCode);
        Assert.Contains(description, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("RealtimeKit API 200 OK: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_ends_early_gives_RealtimeKitApiException()
    {
        using var http = new HttpClient(new TruncatingHandler()) { BaseAddress = new Uri("http://127.0.0.1:9/client/v4/") };
        var client = new WebhooksClient(http);

        var error = await Assert.ThrowsAsync<RealtimeKitApiException>(() => client.GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("the response body ended before it was complete", error.Message, StringComparison.Ordinal);
        Assert.True(error.InnerException is IOException or HttpRequestException, error.InnerException?.GetType().Name);
    }

    /// <summary>Answers 200 with a body stream that fails half way, as a dropped connection does.</summary>
    private sealed class TruncatingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StreamContent(new FailingStream()) });
    }

    private sealed class FailingStream : Stream
    {
        private readonly byte[] _start = "{\"success\": true, \"data\": {\"id\""u8.ToArray();
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= _start.Length)
            {
                throw new IOException("The response ended prematurely.");
            }

            var n = Math.Min(count, _start.Length - _position);
            Array.Copy(_start, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
