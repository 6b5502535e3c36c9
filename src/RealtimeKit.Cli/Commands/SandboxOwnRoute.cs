using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>
/// Posts to a route of a running <c>realtimekit sandbox</c> that is the sandbox's own, not the
/// API's (<c>/__sandbox/…</c>): only a sandbox on a loopback address can answer, with its token.
/// </summary>
internal static class SandboxOwnRoute
{
    /// <summary>The <c>data</c> of the sandbox's answer; a usage error without a sandbox base URL or token, an API error for an error answer.</summary>
    public static async Task<JToken> PostAsync(GlobalOptions globals, ParseResult parse, string path, JObject body, string what, CancellationToken cancellationToken)
    {
        var token = parse.GetValue(globals.ApiToken);
        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException($"Missing API token: pass --api-token or set {GlobalOptions.TokenVariable} (the sandbox's token).");
        }

        if (parse.GetValue(globals.BaseUrl) is not { Length: > 0 } baseUrl || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var sandbox) || !sandbox.IsLoopback)
        {
            throw new UsageException($"{what} works only against a realtimekit sandbox: pass --base-url with the sandbox's address (the first line 'realtimekit sandbox' prints).");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox, path))
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RealtimeKitApiException($"RealtimeKit sandbox {(int)response.StatusCode} {response.ReasonPhrase}: {text} (POST {path})", (int)response.StatusCode, text, null, null)
            {
                OperationId = what,
            };
        }

        return JObject.Parse(text)["data"]!;
    }

    /// <summary>One line per delivery report.</summary>
    public static string Describe(JToken delivery) =>
        $"{delivery["webhookId"]} {delivery["url"]}: {(delivery["statusCode"]?.Type == JTokenType.Null ? "no answer" : delivery["statusCode"])} after {delivery["attempts"]} attempt(s){(delivery["error"]?.Type == JTokenType.String ? " - " + delivery["error"] : string.Empty)} [rtk-uuid {delivery["deliveryId"]}]";
}
