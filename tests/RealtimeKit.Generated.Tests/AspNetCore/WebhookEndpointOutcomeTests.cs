using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Generated.AspNetCore;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>For each way a delivery ends, the endpoint's answer, its log line and the outcome on the delivery's span: what the mutation run found unchecked.</summary>
[Collection(RunsAloneCollection.Name)]
public sealed class WebhookEndpointOutcomeTests : IDisposable
{
    private readonly SignedSender _sender = new();
    private readonly SignedSender _stranger = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose()
    {
        _sender.Dispose();
        _stranger.Dispose();
    }

    private Task<Receiver> StartAsync(int maxBodyBytes = 1024 * 1024, Action<IServiceCollection>? services = null, Func<RealtimeKitWebhookDelivery, Microsoft.AspNetCore.Http.HttpContext, Task>? onDelivery = null) =>
        Receiver.StartAsync(_sender.Pin, maxBodyBytes: maxBodyBytes, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            services?.Invoke(s);
        }, onDelivery: onDelivery);

    private CapturingLoggerProvider.LogLine Logged(int eventId) =>
        Assert.Single(_logs.Entries, e => e.Category == RealtimeKitWebhookLog.Category && e.EventId.Id == eventId);

    private static string? Outcome(TelemetryRecorder recorder) =>
        recorder.Ours.Last(a => a.DisplayName.StartsWith("RealtimeKit webhook", StringComparison.Ordinal)).GetTagItem("realtimekit.webhook.outcome") as string;

    [Fact]
    public async Task A_body_over_the_limit_is_413_body_too_large_logged_and_rejected()
    {
        await using var receiver = await StartAsync(maxBodyBytes: 16);
        using var recorder = new TelemetryRecorder();

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((413, "body too large"), (answer.Status, answer.Text));
        Assert.Equal(LogLevel.Warning, Logged(1).Level);
        Assert.Contains("larger than 16 bytes", Logged(1).Message, StringComparison.Ordinal);
        Assert.Equal("rejected", Outcome(recorder));
    }

    [Fact]
    public async Task A_signature_by_another_key_is_logged_with_its_failure()
    {
        await using var receiver = await StartAsync();

        Assert.Equal(401, (await _stranger.SendAsync(receiver.Url, "d-1")).Status);

        Assert.StartsWith("RealtimeKit delivery rejected (InvalidSignature): ", Logged(2).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_and_a_delivery_in_progress_are_logged_and_their_outcomes_recorded()
    {
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        await using var receiver = await StartAsync(onDelivery: async (delivery, _) =>
        {
            if (delivery.DeliveryId == "slow")
            {
                entered.TrySetResult();
                await release.Task;
            }
        });
        using var recorder = new TelemetryRecorder();

        Assert.Equal(200, (await _sender.SendAsync(receiver.Url, "d-1")).Status);
        var again = await _sender.SendAsync(receiver.Url, "d-1");
        Assert.Equal((200, "duplicate"), (again.Status, again.Text));
        Assert.Equal("duplicate", Outcome(recorder));
        Assert.Equal("RealtimeKit delivery d-1 was handled already; answering 200 duplicate", Logged(4).Message);

        var slow = _sender.SendAsync(receiver.Url, "slow");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await _sender.SendAsync(receiver.Url, "slow");
        Assert.Equal((503, "in progress"), (second.Status, second.Text));
        Assert.Equal("in_progress", Outcome(recorder));
        Assert.Equal("RealtimeKit delivery slow is being handled by another attempt; answering 503 so that it is retried", Logged(5).Message);
        release.SetResult();
        Assert.Equal(200, (await slow).Status);
    }

    [Fact]
    public async Task A_handler_that_throws_is_logged_with_its_exception_and_answered_500()
    {
        await using var receiver = await StartAsync();
        receiver.FailFirst = 1;

        Assert.Equal(500, (await _sender.SendAsync(receiver.Url, "d-1")).Status);

        var line = Logged(7);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.IsType<InvalidOperationException>(line.Exception);
        Assert.StartsWith("RealtimeKit delivery d-1 (meeting.started) failed in its handler", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_fails_to_claim_is_logged_answered_503_and_counted_unavailable()
    {
        await using var receiver = await StartAsync(services: s => s.AddSingleton<IRealtimeKitDeliveryStore>(new FailingStore()));
        using var recorder = new TelemetryRecorder();

        var answer = await _sender.SendAsync(receiver.Url, "d-1");

        Assert.Equal((503, "delivery store unavailable"), (answer.Status, answer.Text));
        Assert.NotNull(answer.RetryAfter);
        Assert.IsType<TimeoutException>(Logged(3).Exception);
        Assert.Equal("unavailable", Outcome(recorder));
        Assert.Equal(0, receiver.HandlerCalls);
    }

    // Kestrel counts a chunked body's framing towards its own limit; the endpoint counts the body's bytes
    // exactly however they arrive, so one byte per chunk (framing five times the data) is still in.
    [Theory]
    [InlineData(Framing.ContentLength)]
    [InlineData(Framing.OneChunk)]
    [InlineData(Framing.OneBytePerChunk)]
    public async Task A_body_of_exactly_the_limit_is_handled_and_one_byte_over_the_limit_is_413_closing_the_connection(Framing framing)
    {
        var length = _sender.Body.Length;
        await using (var receiver = await StartAsync(maxBodyBytes: length))
        {
            var answer = await SendRawAsync(receiver.Url, "exact", framing);
            Assert.Equal((200, "text/plain; charset=utf-8", false), (answer.Status, answer.ContentType, answer.ConnectionClose));
            Assert.Equal(1, receiver.HandlerCalls);
        }

        await using (var receiver = await StartAsync(maxBodyBytes: length - 1))
        {
            var answer = await SendRawAsync(receiver.Url, "over", framing);
            Assert.Equal((413, "text/plain; charset=utf-8", true), (answer.Status, answer.ContentType, answer.ConnectionClose));
            Assert.Equal(0, receiver.HandlerCalls);
        }
    }

    [Fact]
    public void Mapping_the_endpoint_refuses_missing_arguments_by_name()
    {
        var app = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder().Build();
        Func<RealtimeKitWebhookDelivery, Microsoft.AspNetCore.Http.HttpContext, Task> handler = (_, _) => Task.CompletedTask;

        Assert.Equal("endpoints", Assert.Throws<ArgumentNullException>(() => RealtimeKitWebhookEndpointExtensions.MapRealtimeKitWebhooks((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)null!, "/hooks", handler)).ParamName);
        Assert.Equal("pattern", Assert.ThrowsAny<ArgumentException>(() => app.MapRealtimeKitWebhooks("", handler)).ParamName);
        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => app.MapRealtimeKitWebhooks("/hooks", null!)).ParamName);
    }

    public enum Framing
    {
        ContentLength,
        OneChunk,
        OneBytePerChunk,
    }

    /// <summary>The sender's signed body, framed as asked; the status, the answer's content type and whether the server closes the connection.</summary>
    private async Task<(int Status, string? ContentType, bool ConnectionClose)> SendRawAsync(Uri url, string deliveryId, Framing framing)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = framing switch
            {
                Framing.ContentLength => new ByteArrayContent(_sender.Body),
                Framing.OneChunk => new StreamContent(new UnknownLengthStream(_sender.Body, int.MaxValue)),
                _ => new StreamContent(new UnknownLengthStream(_sender.Body, 1), bufferSize: 1),
            },
        };
        request.Headers.TryAddWithoutValidation("rtk-signature", _sender.Signature);
        request.Headers.TryAddWithoutValidation("rtk-uuid", deliveryId);
        request.Headers.TryAddWithoutValidation("rtk-webhook-id", "3f1c2f0e-8c1e-4d7a-9a55-1f6f3e0b7c21");
        using var response = await http.SendAsync(request);
        Assert.Equal(framing != Framing.ContentLength, request.Content.Headers.ContentLength is null);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers.ConnectionClose == true);
    }

    /// <summary>A body of unknown length that hands out at most <paramref name="perRead"/> bytes a read (each read is one chunk on the wire).</summary>
    private sealed class UnknownLengthStream(byte[] bytes, int perRead) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, perRead));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, perRead)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, perRead)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, perRead), cancellationToken);
    }

    private sealed class FailingStore : IRealtimeKitDeliveryStore
    {
        public ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new TimeoutException("the store did not answer");

        public ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken) => throw new TimeoutException();

        public ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken) => throw new TimeoutException();
    }
}
