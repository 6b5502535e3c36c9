using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>Error answers and unreadable success answers, random and broken: always a typed exception with the raw body.</summary>
public sealed class ErrorBodyProperties
{
    private static readonly string[] _samples =
    [
        "{\"message\":\"Unauthorized\"}",
        "\"{\\\"message\\\":\\\"Unauthorized\\\"}\"",
        "{message: \"Unauthorized\"}",
        "\"{\\n  message: \\\"Unauthorized\\\"\\n}\\n\"",
        "{ success: false, error: {code: 404, message: \"Meeting not found\"}, errors: [{code: 1, message: \"a, b: c\"}] }",
        "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Meeting not found\"}}",
        "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}",
        "<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>",
        "{\"success\":true,\"data\":{\"id\":\"0d6c9b9e-6f0a-4b5e-9a3f-1c2d3e4f5a6b\",\"name\":\"w\",\"url\":\"https://example.com/h\",\"events\":[\"meeting.started\"],\"enabled\":true,\"created_at\":\"2024-01-01T00:00:00.000Z\",\"updated_at\":\"2024-01-01T00:00:00.000Z\"}}",
    ];

    public static Arbitrary<byte[]> Bodies { get; } = Arb.From(Inputs.BrokenFrom(_samples));

    [Property(MaxTest = 300, Arbitrary = [typeof(ErrorBodyProperties)])]
    public void The_error_body_parser_describes_every_body_and_throws_nothing(byte[] bytes)
    {
        var body = Encoding.UTF8.GetString(bytes);
        var parsed = Bounded.Run(() => RealtimeKitErrorBody.Parse(body, "application/json"), AllocationBound(bytes), "RealtimeKitErrorBody.Parse");

        Assert.False(string.IsNullOrWhiteSpace(parsed.Description));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(ErrorBodyProperties)])]
    public void Where_System_Text_Json_reads_a_body_it_finds_what_Newtonsoft_finds_in_it(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        RealtimeKitErrorBody standard;
        try
        {
            standard = RealtimeKitErrorBody.ReadStandard(Encoding.UTF8.GetBytes(text));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not standard JSON: only the lenient reading reads it (the property above covers it).
            return;
        }

        Assert.Equal(RealtimeKitErrorBody.ReadLenient(text), standard);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(ErrorBodyProperties)])]
    public void Where_a_body_with_unquoted_names_is_read_with_them_quoted_it_finds_what_Newtonsoft_finds_in_it(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (RealtimeKitErrorBody.ReadUnquoted(Encoding.UTF8.GetBytes(text)) is not { } quoted)
        {
            // Not standard JSON even with its names quoted: only the lenient reading reads it.
            return;
        }

        Assert.Equal(RealtimeKitErrorBody.ReadLenient(text), quoted);
    }

    [Property(MaxTest = 300)]
    public void A_message_and_a_code_in_any_of_the_three_shapes_come_back_as_sent(NonNull<string> sent, int code, byte shape, bool wrapped, bool unquotedNames)
    {
        var message = sent.Get;
        var literal = Newtonsoft.Json.JsonConvert.ToString(message);
        var q = unquotedNames ? string.Empty : "\"";
        var body = (shape % 3) switch
        {
            0 => $"{{{q}message{q}:{literal},{q}other{q}:[1,{{{q}message{q}:\"no\"}}]}}",
            1 => $"{{ {q}success{q}: false, {q}error{q}: {{{q}code{q}:{code},{q}message{q}:{literal}}}}}",
            _ => $"{{{q}success{q}:false,{q}errors{q}:[{{{q}code{q}:{code},{q}message{q}:{literal}}}],{q}messages{q}:[]}}",
        };
        if (wrapped)
        {
            body = Newtonsoft.Json.JsonConvert.ToString(body);
        }

        var parsed = RealtimeKitErrorBody.Parse(body, "application/json");

        // A lone surrogate cannot be written as UTF-8; an empty message is no message, except in an
        // `error` object, which is returned as the API wrote it.
        var expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(message));
        Assert.Equal(expected.Length == 0 && shape % 3 != 1 ? null : expected, parsed.Message);
        Assert.Equal(shape % 3 == 0 ? null : code, parsed.Code);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ErrorBodyProperties)])]
    public async Task Any_answer_to_a_call_is_the_model_or_a_typed_exception_with_the_raw_body(byte[] bytes, byte statusPick)
    {
        int[] statuses = [200, 200, 200, 201, 400, 401, 404, 409, 422, 429, 500, 502, 503];
        var status = (HttpStatusCode)statuses[statusPick % statuses.Length];
        using var http = new HttpClient(new AnsweringHandler(status, bytes)) { BaseAddress = new Uri("http://127.0.0.1:9/client/v4/") };
        var client = new WebhooksClient(http);

        var outcome = await Bounded.RunAsync<object>(async () =>
        {
            try
            {
                return await client.GetWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, SpecExamples.WebhookId);
            }
            catch (RealtimeKitApiException ex)
            {
                return ex;
            }
        }, "GetWebhookAsync");

        if (outcome is RealtimeKitApiException error)
        {
            Assert.Equal((int)status, error.StatusCode);
            // The raw body, as far as an error body is kept (the first 64 KiB).
            Assert.Equal(Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, RealtimeKitTransport.MaxErrorBodyBytes))), error.Response);
        }
        else
        {
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"a {status} answer was read as a model");
            Assert.IsType<WebhookResponse>(outcome);
        }
    }

    /// <summary>Reading may copy the body a few times over (text, tokens, a description); never more.</summary>
    internal static long AllocationBound(byte[] bytes) => (bytes.Length * 64L) + (512 * 1024);

    private sealed class AnsweringHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = content });
        }
    }
}
