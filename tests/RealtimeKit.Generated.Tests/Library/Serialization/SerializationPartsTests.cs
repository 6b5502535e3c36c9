using System.Text;
using Newtonsoft.Json;

namespace RealtimeKit.Generated.Tests;

/// <summary>The small parts of Serialization/ on their own: the encoding, the writer's options, the pooled buffers, the optional field's value semantics and converter, the nested-model check.</summary>
public sealed class SerializationPartsTests
{
    [Fact]
    public void The_wire_encoding_writes_no_byte_order_mark_and_reads_malformed_bytes_as_replacement_characters()
    {
        Assert.Empty(RealtimeKitEncoding.Utf8NoBom.GetPreamble());
        Assert.Equal("a\uFFFDb", RealtimeKitEncoding.Utf8NoBom.GetString([(byte)'a', 0xFF, (byte)'b']));
        Assert.Equal([(byte)'a', 0xEF, 0xBF, 0xBD], RealtimeKitEncoding.Utf8NoBom.GetBytes("a\uD800"));
    }

    [Fact]
    public void Serialize_writes_compact_json_unless_asked_to_indent_and_refuses_null()
    {
        var edit = new EditWebhookRequest { Name = "n", Enabled = false };

        Assert.Equal("{\"name\":\"n\",\"enabled\":false}", RealtimeKitJson.Serialize(edit));
        Assert.Equal("{\n  \"name\": \"n\",\n  \"enabled\": false\n}", RealtimeKitJson.Serialize(edit, indented: true).ReplaceLineEndings("\n"));
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => RealtimeKitJson.Serialize(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => RealtimeKitJson.Deserialize<Webhook>(null!)).ParamName);
    }

    [Fact]
    public void A_read_that_fails_strictly_and_leniently_throws_the_strict_reader_s_error()
    {
        // A required field of the wrong type fails both reads; the caller sees the first reader's error, with its stack.
        const string Json = """{"id":"0d1f069d-43bb-489a-ad8c-7eb95592ba8e","name":"n","url":"https://example.com","events":"not a list","enabled":true}""";

        var error = Assert.ThrowsAny<JsonException>(() => RealtimeKitJson.Deserialize<Webhook>(Json));

        Assert.DoesNotContain(nameof(RealtimeKitLenientReading), error.StackTrace, StringComparison.Ordinal);
        Assert.Contains("events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lenient_read_keeps_text_that_looks_like_a_date_as_it_arrived()
    {
        // started_time cannot be read strictly, so the whole read is lenient: a string field whose text looks like a date is still that text.
        var session = RealtimeKitJson.Deserialize<LivestreamSession>("""{"id":"2025-03-04T10:05:10.000+02:00","started_time":"1741082710"}""")!;

        Assert.Equal("2025-03-04T10:05:10.000+02:00", session.Id);
        Assert.Equal("1741082710", session.AdditionalProperties!["started_time"]!.ToString());
    }

    [Fact]
    public void The_json_buffer_pool_takes_back_what_it_lent_and_ignores_null()
    {
        var pool = RealtimeKitJsonArrayPool.Instance;
        var lent = pool.Rent(1000);
        Assert.True(lent.Length >= 1000);
        pool.Return(lent);

        Assert.Same(lent, pool.Rent(1000)); // the shared pool hands the same thread its last returned array back
        pool.Return(null);
    }

    [Fact]
    public void Decoding_through_the_pooled_buffer_allocates_only_the_string()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        _ = RealtimeKitUtf8Reader.Decode(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = RealtimeKitUtf8Reader.Decode(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(64 * 1024, text.Length);
        Assert.InRange(allocated, 0, (64 * 1024 * 2) + 1024); // the string's 128 KiB, no second buffer
    }

    [Fact]
    public void The_reader_refuses_a_null_buffer_by_name()
    {
        using var reader = new RealtimeKitUtf8Reader(Encoding.UTF8.GetBytes("abc"));

        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => reader.Read(null!, 0, 1)).ParamName);
    }

    [Fact]
    public void An_optional_field_compares_hashes_prints_and_falls_back_by_its_state()
    {
        RealtimeKitOptional<string?> unset = default;
        RealtimeKitOptional<string?> setNull = (string?)null;
        RealtimeKitOptional<string?> one = "1";

        Assert.True(one != "2");
        Assert.False(one != "1");
        Assert.True(unset != setNull);
        Assert.Equal(one.GetHashCode(), ((RealtimeKitOptional<string?>)"1").GetHashCode());
        Assert.NotEqual(one.GetHashCode(), ((RealtimeKitOptional<string?>)"2").GetHashCode());
        Assert.NotEqual(unset.GetHashCode(), setNull.GetHashCode());
        Assert.Equal("1", one.ToString());
        Assert.Equal("null", setNull.ToString());
        Assert.Equal("(unset)", unset.ToString());
        Assert.Equal("1", one.GetValueOrDefault("fallback"));
        Assert.Null(setNull.GetValueOrDefault("fallback"));
        Assert.Equal("fallback", unset.GetValueOrDefault("fallback"));
    }

    [Fact]
    public void The_optional_converter_takes_only_optional_fields_and_needs_its_arguments()
    {
        var converter = new RealtimeKitOptionalJsonConverter();
        var serializer = JsonSerializer.CreateDefault();

        Assert.True(converter.CanConvert(typeof(RealtimeKitOptional<int>)));
        Assert.False(converter.CanConvert(typeof(List<int>)));
        Assert.False(converter.CanConvert(typeof(int)));

        using var reader = new JsonTextReader(new StringReader("null"));
        reader.Read();
        Assert.Equal("objectType", Assert.Throws<ArgumentNullException>(() => converter.ReadJson(reader, null!, null, serializer)).ParamName);
        Assert.Equal("serializer", Assert.Throws<ArgumentNullException>(() => converter.ReadJson(reader, typeof(RealtimeKitOptional<string>), null, null!)).ParamName);
        using var writer = new JsonTextWriter(new StringWriter());
        Assert.Equal("serializer", Assert.Throws<ArgumentNullException>(() => converter.WriteJson(writer, (RealtimeKitOptional<string>)"x", null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => converter.WriteJson(null!, (RealtimeKitOptional<string>)"x", serializer)).ParamName);
    }

    [Fact]
    public void The_nested_check_names_the_path_of_the_first_missing_field_in_a_model_or_a_list()
    {
        var complete = new AddWebhookRequest { Name = "n", Url = new Uri("https://example.com"), Events = [] };
        var noUrl = new AddWebhookRequest { Name = "n", Events = [] };

        Assert.Equal("hook.name", RealtimeKitModelCheck.Nested(new AddWebhookRequest(), "hook"));
        Assert.Null(RealtimeKitModelCheck.Nested(complete, "hook"));
        Assert.Equal("hooks[1].url", RealtimeKitModelCheck.Nested(new List<AddWebhookRequest> { complete, noUrl }, "hooks"));
        Assert.Null(RealtimeKitModelCheck.Nested(new List<AddWebhookRequest> { complete }, "hooks"));
        Assert.Null(RealtimeKitModelCheck.Nested("not a model", "text"));
    }
}
