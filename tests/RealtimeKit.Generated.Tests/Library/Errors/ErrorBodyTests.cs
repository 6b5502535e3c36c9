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
        { "{\"errors\":[]}", null, null, "the response body is JSON with no message" },
        { "{\"errors\":[{\"code\":7,\"message\":\"\"}]}", null, 7, "the response body has errors" },
        { "{\"errors\":[{\"message\":\"no code\"}]}", "no code", null, "the response body has errors" },
        { "{\"error\":{\"code\":1e12,\"message\":\"too big\"}}", "too big", null, "the response body has an error" },
        { "{\"error\":{\"code\":-2147483648,\"message\":\"lowest\"}}", "lowest", int.MinValue, "the response body has an error" },
        { "{\"error\":{\"code\":2147483647,\"message\":\"highest\"}}", "highest", int.MaxValue, "the response body has an error" },
        { "[1] 2", null, null, "the response body is not valid JSON" },
        { "<html><body>Bad gateway</body></html>", null, null, "the response body is HTML, not JSON" },
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

    [Theory]
    [InlineData(null, "text/plain", "the response body is empty")]
    [InlineData("Bad gateway", "text/html", "the response body is HTML, not JSON")]
    [InlineData("Bad gateway", null, "the response body is not JSON (no content type, 11 characters)")]
    [InlineData("Bad gateway", "text/plain", "the response body is not JSON (text/plain, 11 characters)")]
    public void Says_what_arrived_when_the_body_is_not_json(string? body, string? mediaType, string description)
    {
        var parsed = RealtimeKitErrorBody.Parse(body, mediaType);

        Assert.Null(parsed.Message);
        Assert.Equal(description, parsed.Description);
    }

    [Fact]
    public void Unwraps_a_body_sent_as_a_json_string_at_most_three_times()
    {
        static string Wrap(string text, int times) => times == 0 ? text : Wrap(Newtonsoft.Json.JsonConvert.ToString(text), times - 1);
        const string Body = "{\"message\":\"deep\"}";

        Assert.Equal("deep", RealtimeKitErrorBody.Parse(Wrap(Body, 3), "application/json").Message);

        var fourTimes = RealtimeKitErrorBody.Parse(Wrap(Body, 4), "application/json");
        Assert.Null(fourTimes.Message);
        Assert.Equal($"the response body is not JSON (application/json, {Wrap(Body, 1).Length} characters)", fourTimes.Description);
    }

    public static TheoryData<string, string?, int?> UnquotedBodies => new()
    {
        { "{message: \"Unauthorized\"}", "Unauthorized", null },
        { "{\n  message : \"Unauthorized\"\n}\n", "Unauthorized", null },
        { "{meta: [1, {message: \"nested\"}], message: \"top\"}", "top", null },
        { "{message: \"say \\\"hi\\\", b: {c: 1}, d: e\"}", "say \"hi\", b: {c: 1}, d: e", null },
        { "{success: false, error: {code: 404, message: \"Meeting not found\"}}", "Meeting not found", 404 },
        { "{errors: [{code: 10000, message: \"Authentication error\"}], $x: 1, _y: 2, 9z: 3}", "Authentication error", 10000 },
        { "{\"quoted\": 1, message: \"mixed\"}", "mixed", null },
    };

    [Theory]
    [MemberData(nameof(UnquotedBodies))]
    public void A_body_with_unquoted_names_is_read_with_them_quoted_as_Newtonsoft_reads_it(string body, string? message, int? code)
    {
        var quoted = RealtimeKitErrorBody.ReadUnquoted(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.NotNull(quoted);
        Assert.Equal(message, quoted.Value.Message);
        Assert.Equal(code, quoted.Value.Code);
        Assert.Equal(RealtimeKitErrorBody.ReadLenient(body), quoted);
        Assert.Equal(quoted, RealtimeKitErrorBody.Parse(body, "application/json"));
    }

    [Theory]
    [InlineData("{message: 'single quotes'}", "single quotes")]
    [InlineData("{message: \"a comment follows\" /* c */}", null)]
    [InlineData("{ménage: 1, message: \"a name that is not ASCII\"}", "a name that is not ASCII")]
    [InlineData("{message: \"x\", naïve: 2}", "x")]
    public void What_is_not_standard_JSON_even_with_its_names_quoted_is_left_to_Newtonsoft(string body, string? message)
    {
        Assert.Null(RealtimeKitErrorBody.ReadUnquoted(System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Equal(message, RealtimeKitErrorBody.Parse(body, "application/json").Message);
    }

    [Fact]
    public void Objects_nested_deeper_than_the_readers_limit_are_not_quoted()
    {
        static string Nest(int depth) => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);

        Assert.NotNull(RealtimeKitErrorBody.ReadUnquoted(System.Text.Encoding.UTF8.GetBytes(Nest(32))));
        Assert.Null(RealtimeKitErrorBody.ReadUnquoted(System.Text.Encoding.UTF8.GetBytes(Nest(33))));
        Assert.Equal("the response body is not valid JSON", RealtimeKitErrorBody.Parse(Nest(33), "application/json").Description);
    }

    [Fact]
    public void Standard_JSON_nested_deeper_than_the_readers_limit_is_refused_by_both_readers()
    {
        static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\": ", depth)) + "1" + new string('}', depth);

        Assert.Equal("the response body is JSON with no message", RealtimeKitErrorBody.Parse(Nest(32), "application/json").Description);
        Assert.Equal("the response body is not valid JSON", RealtimeKitErrorBody.Parse(Nest(40), "application/json").Description);
    }

    // The quoting pass on its own: a wrong quote is often caught later (the copy is refused and
    // Newtonsoft decides), so its exact copy is checked here.
    [Theory]
    [InlineData("{message: \"x\"}", "{\"message\": \"x\"}")]
    [InlineData("{AZ: 1, az09_$: 2}", "{\"AZ\": 1, \"az09_$\": 2}")]
    [InlineData("{a: \"q\\\", b: 1\", c: 2}", "{\"a\": \"q\\\", b: 1\", \"c\": 2}")]
    [InlineData("{a: \"\\\\\", b: 1}", "{\"a\": \"\\\\\", \"b\": 1}")]
    [InlineData("{a: \"odd\", b: 1}", "{\"a\": \"odd\", \"b\": 1}")]
    [InlineData("{a: [1, true, null, {b: 2}], c: 3}", "{\"a\": [1, true, null, {\"b\": 2}], \"c\": 3}")]
    [InlineData("{a: {b: 1}, c: [2, x]}", "{\"a\": {\"b\": 1}, \"c\": [2, x]}")]
    [InlineData("{a: [{b: 1, c: []}, d]}", "{\"a\": [{\"b\": 1, \"c\": []}, d]}")]
    [InlineData("[a, {b: [c, d], e: f}, g]", "[a, {\"b\": [c, d], \"e\": f}, g]")]
    [InlineData("{\"a\" b, c: 1}", "{\"a\" b, \"c\": 1}")]
    [InlineData("{a b: 1}", "{\"a\" b: 1}")]
    [InlineData("{a: 1} b, c", "{\"a\": 1} b, c")]
    [InlineData("{a: \"unterminated", "{\"a\": \"unterminated")]
    [InlineData("{a: \"ends in an escape\\", "{\"a\": \"ends in an escape\\")]
    [InlineData("true", "true")]
    public void Quoting_puts_double_quotes_around_each_unquoted_name_and_nothing_else(string json, string expected)
    {
        Assert.Equal(expected, Quote(json));
    }

    [Theory]
    [InlineData("{ménage: 1}")]
    [InlineData("{é: 1}")]
    [InlineData("{a: 1, ü: 2}")]
    public void Quoting_gives_up_on_a_name_that_is_not_ASCII(string json)
    {
        Assert.Null(Quote(json));
    }

    [Fact]
    public void Quoting_leaves_text_that_is_not_ASCII_outside_names_as_it_is()
    {
        Assert.Equal("{\"a\": \"é\", \"b\": [\"ü\"]}", Quote("{a: \"é\", b: [\"ü\"]}"));
    }

    private static string? Quote(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var quoted = new byte[(bytes.Length * 2) + 2];
        return RealtimeKitErrorBody.QuoteNames(bytes, quoted) is { } length ? System.Text.Encoding.UTF8.GetString(quoted, 0, length) : null;
    }

    [Fact]
    public void An_array_element_is_never_taken_for_a_name()
    {
        // Quoted, the null would make the array unreadable as CloudflareMessage items.
        const string Body = "{a: {b: 1}, errors: [{code: 1, message: \"m\", x: []}, null]}";

        Assert.Equal(new RealtimeKitErrorBody("m", 1, "the response body has errors"), RealtimeKitErrorBody.ReadUnquoted(System.Text.Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(new RealtimeKitErrorBody("m", 1, "the response body has errors"), RealtimeKitErrorBody.Parse(Body, "application/json"));
    }

    [Theory]
    [InlineData("['x']", "the response body is JSON of an unknown shape")]
    [InlineData("['x'] 1", "the response body is not valid JSON")]
    [InlineData("\"{\\\"message\\\": \\\"m\\\"}\" trailing", "the response body is not valid JSON")]
    [InlineData("plain text \n ", "the response body is not JSON (application/json, 10 characters)")]
    [InlineData(" \u00a0plain text\u2003", "the response body is not JSON (application/json, 10 characters)")]
    public void Says_what_a_body_that_is_not_one_standard_value_is(string body, string description)
    {
        var parsed = RealtimeKitErrorBody.Parse(body, "application/json");

        Assert.Null(parsed.Message);
        Assert.Equal(description, parsed.Description);
    }
}
