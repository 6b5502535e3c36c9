namespace RealtimeKit.Generated;

/// <summary>
/// "PATCH /client/v4/accounts/…": the method and the path of a request that failed, never the
/// query or credentials. It keeps the addresses it is built from (not the request, whose headers
/// hold the credentials) and writes the text when it is first read: most failures are caught and
/// handled without anyone reading their message.
/// </summary>
internal sealed class RealtimeKitRequestTarget
{
    private static readonly System.Buffers.SearchValues<char> _plainPathCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    private readonly string _method;
    private readonly Uri? _baseAddress;
    private readonly Uri? _requestUri;
    private readonly string? _relative;
    private string? _text;

    private RealtimeKitRequestTarget(string method, Uri? baseAddress, Uri? requestUri, string? relative)
    {
        _method = method;
        _baseAddress = baseAddress;
        _requestUri = requestUri;
        _relative = relative;
    }

    /// <param name="client">The client whose base address the request's relative address was resolved against.</param>
    /// <param name="request">The request.</param>
    /// <param name="relative">The relative address the request was built with, or null when not known.</param>
    public static RealtimeKitRequestTarget Of(HttpClient client, HttpRequestMessage request, string? relative) =>
        new(request.Method.Method, client.BaseAddress, request.RequestUri, relative);

    public override string ToString() => _text ??= Write();

    private string Write()
    {
        // Resolving a plain relative path against the base address is a concatenation; asking the
        // resolved Uri for its path would parse all of it again, the larger part of an error's cost.
        // A request whose address a handler rewrote no longer ends in its relative path, and is parsed.
        if (_relative is not null && _baseAddress is { IsAbsoluteUri: true } baseAddress && _requestUri is { IsAbsoluteUri: true } resolvedUri
            && resolvedUri.OriginalString.EndsWith(_relative, StringComparison.Ordinal))
        {
            var query = _relative.AsSpan().IndexOfAny('?', '#');
            var path = query < 0 ? _relative : _relative[..query];
            if (IsPlainRelativePath(path))
            {
                var basePath = baseAddress.AbsolutePath;
                return string.Concat(_method, " ", basePath.AsSpan(0, basePath.LastIndexOf('/') + 1), path);
            }
        }

        var uri = _requestUri;
        var resolved = uri is null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/');
        return $"{_method} {resolved}";
    }

    /// <summary>A relative path that resolves by concatenation: unreserved characters and slashes, not rooted, no "." or ".." segment.</summary>
    private static bool IsPlainRelativePath(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.AsSpan().ContainsAnyExcept(_plainPathCharacters))
        {
            return false;
        }

        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var segment in path.AsSpan().Split('/'))
        {
            if (path.AsSpan()[segment] is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
