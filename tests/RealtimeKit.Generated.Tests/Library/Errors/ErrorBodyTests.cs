namespace RealtimeKit.Generated.Tests;

/// <summary>The error body reader, shape by shape: what it takes the message and code from, and what it says when it finds none.</summary>
public sealed class ErrorBodyTests
{
    public static TheoryData<string, string?, int?, string> Bodies => new()
    {
        { "{\"message\":\"Unauthorized\"}", "Unauthorized", null, "the response body has a message" },
        { "\"{\\n  message: \\\"Unauthorized\\\"\\n}\\n\"", "Unauthorized", null, "the response body has a message" },
        { "\"\\\"{\\\\\\\"message\\\\\\\":\\\\\\\"twice\\\\\\\"}\\\"\"", "twice", null, "the response body has a message" },
        { "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Webhook not found\"}}", "Webhook not found", 404, "the response body has an error" },
        { "{\"message\":\"outer\",\"error\":{\"code\":400,\"message\":\"inner\"}}", "inner", 400, "the response body has an error" },
        { "{\"error\":{\"code\":400.5,\"message\":\"odd code\"}}", "odd code", null, "the response body has an error" },
        { "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"success\":false,\"result\":null}", "Authentication error", 10000, "the response body has errors" },
        { "{\"errors\":[{\"code\":1,\"message\":\"\"},{\"code\":2,\"message\":\"second\"}]}", "second", 1, "the response body has errors" },
        { "{\"meta\":{\"message\":\"nested, not the API's\"},\"list\":[{\"message\":\"also nested\"}]}", null, null, "the response body is JSON with no message" },
        { "{\"error\":{\"code\":\"not a number\",\"message\":\"x\"}}", null, null, "the response body is JSON with no message" },
        { "{\"error\":\"a string, not an object\"}", null, null, "the response body is JSON with no message" },
        { "{\"message\":42}", null, null, "the response body is JSON with no message" },
        { "{\"message\":\"\"}", null, null, "the response body is JSON with no message" },
        { "{\"message\":\"x\"} trailing", null, null, "the response body is not valid JSON" },
        { "{\"message\":\"x\"", null, null, "the response body is not valid JSON" },
        { "{\"message\":\"x\",\"meta\":{\"a\":1}", null, null, "the response body is not valid JSON" },
        { "{\"message\":\"x\",\"list\":[1,", null, null, "the response body is not valid JSON" },
        { "[{\"message\":\"x\"}]", null, null, "the response body is JSON of an unknown shape" },
        { "[1, 2", null, null, "the response body is not valid JSON" },
        { "\"just a sentence\"", null, null, "the response body is not JSON (application/json, 15 characters)" },
        { "\"unterminated", null, null, "the response body is not valid JSON" },
        { "  ", null, null, "the response body is empty" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Reads_the_message_and_code_of_each_shape(string body, string? message, int? code, string description)
    {
        var parsed = RealtimeKitErrorBody.Parse(body, "application/json");

        Assert.Equal(message, parsed.Message);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(description, parsed.Description);
    }
}
