namespace RealtimeKit.Generated.Tests;

/// <summary>The exceptions as tests and mocks build them: what they are given is what they say.</summary>
public sealed class ExceptionConstructionTests
{
    [Fact]
    public void An_exception_built_by_hand_keeps_its_message_status_body_and_headers()
    {
        var headers = new Dictionary<string, IEnumerable<string>> { ["cf-ray"] = ["abc"] };
        var inner = new InvalidOperationException("cause");

        var error = new RealtimeKitApiException("one line", 418, "{\"message\":\"teapot\"}", headers, inner);

        Assert.Equal("one line", error.Message);
        Assert.Equal(418, error.StatusCode);
        Assert.Equal("{\"message\":\"teapot\"}", error.Response);
        Assert.Same(headers, error.Headers);
        Assert.Same(inner, error.InnerException);
        Assert.Null(error.RequestTarget);
    }

    [Fact]
    public void An_exception_built_by_hand_without_headers_has_none()
    {
        Assert.Empty(new RealtimeKitApiException("m", 500, null, null, null).Headers);
    }

    [Fact]
    public void A_rate_limited_exception_built_by_hand_keeps_its_wait()
    {
        var error = new RealtimeKitRateLimitedException("slow down", null, null, TimeSpan.FromSeconds(3), null);

        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Null(new RealtimeKitRateLimitedException("slow down", null, null, null, null).RetryAfter);
    }
}
