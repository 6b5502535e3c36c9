using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>The options every command takes, with their environment fallbacks, and the client they configure.</summary>
internal sealed class GlobalOptions
{
    public const string TokenVariable = "CLOUDFLARE_API_TOKEN";
    public const string AccountVariable = "CLOUDFLARE_ACCOUNT_ID";
    public const string BaseUrlVariable = "CLOUDFLARE_BASE_URL";

    public GlobalOptions(CliEnvironment environment)
    {
        ApiToken = new Option<string?>("--api-token")
        {
            Description = $"Cloudflare API token with the Realtime permission [env: {TokenVariable}]",
            Recursive = true,
            DefaultValueFactory = _ => environment.Variable(TokenVariable),
        };
        AccountId = new Option<string?>("--account-id")
        {
            Description = $"Cloudflare account id [env: {AccountVariable}]",
            Recursive = true,
            DefaultValueFactory = _ => environment.Variable(AccountVariable),
        };
        BaseUrl = new Option<string?>("--base-url")
        {
            Description = $"API base URL [env: {BaseUrlVariable}; default {RealtimeKitClientOptions.DefaultBaseAddress}]",
            Recursive = true,
            DefaultValueFactory = _ => environment.Variable(BaseUrlVariable),
        };
        Output = new Option<string>("--output", "-o")
        {
            Description = "table: for people, the columns that identify each item, fitted to the terminal; wide: every column; json: the API's data, for scripts and jq",
            Recursive = true,
            DefaultValueFactory = _ => TableOutput,
        };
        Output.AcceptOnlyFromAmong(TableOutput, WideOutput, JsonOutput);
        Verbose = new Option<bool>("--verbose")
        {
            Description = "Show stack traces of errors",
            Recursive = true,
        };
    }

    public Option<string?> ApiToken { get; }

    public Option<string?> AccountId { get; }

    public Option<string?> BaseUrl { get; }

    public Option<string> Output { get; }

    public Option<bool> Verbose { get; }

    public IEnumerable<Option> All => [ApiToken, AccountId, BaseUrl, Output, Verbose];

    public const string TableOutput = "table";

    public const string WideOutput = "wide";

    public const string JsonOutput = "json";

    public bool Json(ParseResult parse) => parse.GetValue(Output) == JsonOutput;

    public string RequireAccountId(ParseResult parse) =>
        parse.GetValue(AccountId) is { Length: > 0 } account
            ? account
            : throw new UsageException($"Missing account id: pass --account-id or set {AccountVariable}.");

    /// <summary>A client registered with AddRealtimeKit, as any service would: the CLI dogfoods the library.</summary>
    public ServiceProvider CreateServices(ParseResult parse)
    {
        var token = parse.GetValue(ApiToken);
        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException($"Missing API token: pass --api-token or set {TokenVariable}.");
        }

        var baseAddress = RealtimeKitClientOptions.DefaultBaseAddress;
        if (parse.GetValue(BaseUrl) is { Length: > 0 } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
            {
                throw new UsageException($"--base-url must be an absolute URL; '{text}' is not.");
            }

            baseAddress = parsed;
        }

        var problems = string.Join(" ", new RealtimeKitClientOptions { ApiToken = token, BaseAddress = baseAddress }.Validate());
        if (problems.Length > 0)
        {
            throw new UsageException(problems.Replace("RealtimeKitClientOptions.BaseAddress", "--base-url", StringComparison.Ordinal)
                .Replace("RealtimeKitClientOptions.ApiToken", "--api-token", StringComparison.Ordinal));
        }

        var services = new ServiceCollection();
        services.AddRealtimeKit(o =>
        {
            o.ApiToken = token;
            o.BaseAddress = baseAddress;
        });
        return services.BuildServiceProvider();
    }
}
