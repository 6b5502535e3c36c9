namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The request target's text on its own: the quick concatenation of base path and relative path
/// is taken only where it gives what the resolved address's path gives.
/// </summary>
public sealed class RequestTargetTextTests
{
    private static string Target(string? baseAddress, Uri? requestUri, string? relative)
    {
        using var client = new HttpClient();
        if (baseAddress is not null)
        {
            client.BaseAddress = new Uri(baseAddress);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, requestUri);
        return RealtimeKitRequestTarget.Of(client, request, relative).ToString();
    }

    [Fact]
    public void A_plain_relative_path_is_the_base_path_and_the_relative_path()
    {
        Assert.Equal("GET /client/v4/accounts/a", Target("http://h/client/v4/", new Uri("http://h/client/v4/accounts/a?x=1"), "accounts/a?x=1"));
    }

    [Fact]
    public void A_rooted_relative_path_replaces_the_base_path()
    {
        Assert.Equal("GET /other/a", Target("http://h/client/v4/", new Uri(new Uri("http://h/client/v4/"), "/other/a"), "/other/a"));
    }

    [Fact]
    public void A_dot_segment_is_resolved_as_the_address_resolves_it()
    {
        Assert.Equal("GET /client/v4/accounts/a", Target("http://h/client/v4/", new Uri("http://h/client/v4/accounts/./a"), "accounts/./a"));
        Assert.Equal("GET /client/v4/a", Target("http://h/client/v4/", new Uri("http://h/client/v4/accounts/../a"), "accounts/../a"));
        Assert.Equal("GET /client/v4/accounts/a.b/.c", Target("http://h/client/v4/", new Uri("http://h/client/v4/accounts/a.b/.c"), "accounts/a.b/.c"));
    }

    [Fact]
    public void Without_the_relative_path_the_address_is_read()
    {
        Assert.Equal("GET /client/v4/accounts/a", Target("http://h/client/v4/", new Uri("http://h/client/v4/accounts/a"), null));
    }

    [Fact]
    public void A_relative_address_without_a_base_is_written_rooted()
    {
        Assert.Equal("GET /accounts/a", Target(null, new Uri("accounts/a", UriKind.Relative), "accounts/a"));
    }

    [Fact]
    public void A_request_without_an_address_has_the_method_only()
    {
        Assert.Equal("GET ", Target("http://h/client/v4/", null, null));
    }
}
