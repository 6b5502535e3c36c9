namespace RealtimeKit.Generated.Tests;

/// <summary>How the generated operations write their query parameters (RealtimeKitQuery).</summary>
public sealed class QueryStringTests
{
    [Fact]
    public void Null_parameters_and_empty_lists_are_left_out()
    {
        var query = new RealtimeKitQuery();
        query.Add("page_no", null);
        query.AddList("status", null, explode: false);
        query.AddList("status", Array.Empty<RecordingStatus>(), explode: false);

        Assert.Equal("accounts/a/realtime/kit/b/recordings", query.ToRelativeUri("accounts/a/realtime/kit/b/recordings").OriginalString);
    }

    [Fact]
    public void Values_are_written_as_the_API_reads_them_and_escaped()
    {
        var query = new RealtimeKitQuery();
        query.Add("flag", true);
        query.Add("off", false);
        query.Add("page_no", 3);
        query.Add("start", 1740787200L);
        query.Add("ratio", 0.5);
        query.Add("at", new DateTimeOffset(2025, 3, 1, 8, 30, 0, 125, TimeSpan.FromHours(-5)));
        query.Add("day", new DateOnly(2025, 3, 1));
        query.Add("meeting_id", Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"));
        query.Add("sort_order", (SortOrder?)SortOrder.Descending);
        query.Add("search", "a&b=c d/é");
        query.AddList("status", new[] { RecordingStatus.Uploaded, new RecordingStatus("A,B") }, explode: false);
        query.AddList("tag", new[] { "x", "y z" }, explode: true);

        Assert.Equal(
            "p?flag=true&off=false&page_no=3&start=1740787200&ratio=0.5&at=2025-03-01T08%3A30%3A00.1250000-05%3A00&day=2025-03-01" +
            "&meeting_id=182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e&sort_order=DESC&search=a%26b%3Dc%20d%2F%C3%A9&status=UPLOADED,A%2CB&tag=x&tag=y%20z",
            query.ToRelativeUri("p").OriginalString);
    }

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var query = new RealtimeKitQuery();
            query.Add("ratio", 1.25);
            query.Add("count", 12345);

            Assert.Equal("p?ratio=1.25&count=12345", query.ToRelativeUri("p").OriginalString);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Other_values_are_written_in_their_round_trip_or_invariant_form()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Assert.Equal("2025-03-01T08:30:00.0000000Z", RealtimeKitQuery.Format(new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc)));
            Assert.Equal("2025-03-01T08:30:00.0000000", RealtimeKitQuery.Format(new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Unspecified)));
            Assert.Equal("0.1", RealtimeKitQuery.Format(0.1f));
            Assert.Equal("2.5", RealtimeKitQuery.Format(2.5m));
            Assert.Equal("-7", RealtimeKitQuery.Format((short)-7));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_value_whose_text_is_null_is_written_empty()
    {
        var query = new RealtimeKitQuery();
        query.Add("name", new NoText());

        Assert.Equal(string.Empty, RealtimeKitQuery.Format(new NoText()));
        Assert.Equal("p?name=", query.ToRelativeUri("p").OriginalString);
    }

    private sealed class NoText
    {
        public override string? ToString() => null;
    }
}
