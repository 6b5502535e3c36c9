using System.Net;
using System.Text;

namespace RealtimeKit.Generated.Tests;

/// <summary>The mapper on answers built in memory: the exception's message, headers and identity for each way an answer goes wrong.</summary>
public sealed class ErrorMapperTests
{
    private const string Target = "GET /accounts/acc/realtime/kit/app/webhooks";

    /// <summary>The request <see cref="Target"/> names, resolved as a client resolves it.</summary>
    private static RealtimeKitRequestTarget TargetOfRequest()
    {
        using var client = new HttpClient { BaseAddress = new Uri("https://api.example/accounts/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress, "acc/realtime/kit/app/webhooks?page_no=2"));
        return RealtimeKitRequestTarget.Of(client, request, "acc/realtime/kit/app/webhooks?page_no=2");
    }

    private static HttpResponseMessage Answer(int status, string body, string? reasonPhrase = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (reasonPhrase is not null)
        {
            response.ReasonPhrase = reasonPhrase;
        }

        return response;
    }

    [Fact]
    public void A_body_that_could_not_be_read_is_not_parsed_even_where_what_arrived_has_a_message()
    {
        using var response = Answer(500, "{\"message\":\"partial\"}");
        var failure = new IOException("connection reset");

        var error = RealtimeKitErrorMapper.Create(response, TargetOfRequest(), "getAllWebhooks", "{\"message\":\"partial\"}", failure, retryAfter: null);

        Assert.Null(error.ApiMessage);
        Assert.Equal($"RealtimeKit API 500 Internal Server Error: the response body could not be read ({Target})", error.Message);
        Assert.Same(failure, error.InnerException);
        Assert.Equal("{\"message\":\"partial\"}", error.Response);
    }

    [Fact]
    public void Headers_of_the_response_and_of_its_content_are_kept_with_every_value_in_order()
    {
        using var response = Answer(503, "{}");
        response.Headers.TryAddWithoutValidation("X-Multi", ["first", "second", "third"]);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        var error = RealtimeKitErrorMapper.Create(response, TargetOfRequest(), "getAllWebhooks", "{}", null, null);

        Assert.Equal(["first", "second", "third"], error.Headers["x-multi"]);
        Assert.Equal(["7"], error.Headers["Retry-After"]);
        Assert.Equal(["application/json; charset=utf-8"], error.Headers["Content-Type"]);
    }

    [Fact]
    public void An_unreadable_success_answer_names_the_operation_and_target()
    {
        using var response = Answer(200, "{\"data\":");

        var error = RealtimeKitErrorMapper.Unreadable(response, TargetOfRequest(), "getAllWebhooks", "the response body is not valid JSON", "{\"data\":", null);

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("getAllWebhooks", error.OperationId);
        Assert.Equal(Target, error.RequestTarget);
        Assert.Equal($"RealtimeKit API 200 OK: the response body is not valid JSON ({Target})", error.Message);
        Assert.Equal(["application/json; charset=utf-8"], error.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData(422, "Unprocessable", "RealtimeKit API 422 Unprocessable: ")]
    [InlineData(422, "", "RealtimeKit API 422 Unprocessable Entity: ")]
    [InlineData(422, "  ", "RealtimeKit API 422 Unprocessable Entity: ")]
    [InlineData(599, null, "RealtimeKit API 599 Error: ")]
    [InlineData(599, " ", "RealtimeKit API 599 Error: ")]
    public void The_message_gives_the_status_and_its_reason_phrase_or_the_status_name(int status, string? reasonPhrase, string starts)
    {
        using var response = Answer(status, "{\"message\":\"m\"}", reasonPhrase);

        var error = RealtimeKitErrorMapper.Create(response, TargetOfRequest(), "getAllWebhooks", "{\"message\":\"m\"}", null, null);

        Assert.Equal($"{starts}m ({Target})", error.Message);
    }
}
