using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>Runs a command against the API and turns every failure into a one-line message and an exit code.</summary>
internal static class CliRunner
{
    private static readonly Dictionary<string, string> _optionOfParameter = new(StringComparer.Ordinal)
    {
        ["accountId"] = "--account-id",
        ["appId"] = "--app-id",
        ["webhookId"] = "--webhook-id",
        ["name"] = "--name",
        ["url"] = "--url",
        ["events"] = "--event",
        ["enabled"] = "--enabled",
    };

    public static async Task<int> RunAsync(
        CliEnvironment environment,
        GlobalOptions globals,
        ParseResult parse,
        CancellationToken cancellationToken,
        Func<IWebhooksClient, string, WebhookPrinter, CancellationToken, Task> action)
    {
        return await GuardAsync(environment, parse.GetValue(globals.Verbose), cancellationToken, async () =>
        {
            await using var services = globals.CreateServices(parse);
            var account = globals.RequireAccountId(parse);
            var client = services.GetRequiredService<IWebhooksClient>();
            await action(client, account, new WebhookPrinter(environment, globals.Json(parse)), cancellationToken);
        });
    }

    public static async Task<int> GuardAsync(CliEnvironment environment, bool verbose, CancellationToken cancellationToken, Func<Task> action)
    {
        try
        {
            await action();
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (CommandFailedException ex)
        {
            return await FailAsync(environment, ExitCodes.ApiError, ex.Message, null);
        }
        catch (UsageException ex)
        {
            return await FailAsync(environment, ExitCodes.Usage, ex.Message, verbose ? ex : null);
        }
        catch (RealtimeKitValidationException ex)
        {
            var detail = ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            var message = ex.Field is { } field ? $"{OptionOf(field)}: {detail}" : detail;
            return await FailAsync(environment, ExitCodes.Usage, message, verbose ? ex : null);
        }
        catch (ArgumentException ex) when (ex.ParamName is { } parameter)
        {
            return await FailAsync(environment, ExitCodes.Usage, $"{OptionOf(parameter)}: {ex.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal)}", verbose ? ex : null);
        }
        catch (RealtimeKitApiException ex)
        {
            return await FailAsync(environment, ExitCodes.ApiError, $"{ex.Message} [operation {ex.OperationId}]", verbose ? ex : null);
        }
        catch (TimeoutException ex)
        {
            return await FailAsync(environment, ExitCodes.ApiError, ex.Message, verbose ? ex : null);
        }
        catch (HttpRequestException ex)
        {
            return await FailAsync(environment, ExitCodes.ApiError, $"could not reach the API: {ex.Message}", verbose ? ex : null);
        }
    }

    /// <summary>The option of a method parameter or JSON field: the table above, else its kebab-case name.</summary>
    private static string OptionOf(string name) => _optionOfParameter.TryGetValue(name, out var option) ? option : Naming.Option(name);

    private static async Task<int> FailAsync(CliEnvironment environment, int code, string message, Exception? detail)
    {
        await environment.Error.WriteLineAsync($"error: {message}");
        if (detail is not null)
        {
            await environment.Error.WriteLineAsync(detail.ToString());
        }

        return code;
    }
}
