using System.CommandLine;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary><c>realtimekit webhooks list|add|get|replace|edit|delete|events</c>: one command per operation.</summary>
internal static class WebhookCommands
{
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The RealtimeKit app id", Required = true };
        var webhookId = new Option<Guid>("--webhook-id") { Description = "The webhook's id (a UUID)", Required = true };
        var name = new Option<string?>("--name") { Description = "Name of the webhook" };
        var url = new Option<string?>("--url") { Description = "Absolute http(s) URL the webhook sends events to" };
        var events = new Option<string[]>("--event")
        {
            Description = "An event to send (repeatable); 'all' for every documented event: " + string.Join(", ", WebhookEvent.KnownValues),
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var enabled = new Option<bool?>("--enabled") { Description = "true or false" };

        var webhooks = new Command("webhooks", "Manage the webhooks of a RealtimeKit app");

        var list = new Command("list", "List the app's webhooks") { appId };
        list.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
            output.Print((await client.ListWebhooksAsync(account, parse.GetValue(appId)!, token)).Data)));

        var add = new Command("add", "Add a webhook") { appId, name, url, events, enabled };
        add.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
        {
            var request = new AddWebhookRequest
            {
                Name = Require(parse, name, "--name"),
                Url = Url(Require(parse, url, "--url")),
                Events = Events(parse, events, required: true)!,
                Enabled = parse.GetValue(enabled),
            };
            output.Print((await client.AddWebhookAsync(account, parse.GetValue(appId)!, request, token)).Data);
        }));

        var get = new Command("get", "Show one webhook") { appId, webhookId };
        get.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
            output.Print((await client.GetWebhookAsync(account, parse.GetValue(appId)!, parse.GetValue(webhookId), token)).Data)));

        var replace = new Command("replace", "Replace all details of a webhook") { appId, webhookId, name, url, events, enabled };
        replace.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
        {
            var request = new ReplaceWebhookRequest
            {
                Name = Require(parse, name, "--name"),
                Url = Url(Require(parse, url, "--url")),
                Events = Events(parse, events, required: true)!,
                Enabled = parse.GetValue(enabled),
            };
            output.Print((await client.ReplaceWebhookAsync(account, parse.GetValue(appId)!, parse.GetValue(webhookId), request, token)).Data);
        }));

        var edit = new Command("edit", "Change only the given details of a webhook") { appId, webhookId, name, url, events, enabled };
        edit.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
        {
            var request = new EditWebhookRequest
            {
                Name = parse.GetValue(name),
                Url = parse.GetValue(url) is { } text ? Url(text) : null,
                Events = Events(parse, events, required: false),
                Enabled = parse.GetValue(enabled),
            };
            output.Print((await client.EditWebhookAsync(account, parse.GetValue(appId)!, parse.GetValue(webhookId), request, token)).Data);
        }));

        var delete = new Command("delete", "Delete a webhook") { appId, webhookId };
        delete.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
            output.Print((await client.DeleteWebhookAsync(account, parse.GetValue(appId)!, parse.GetValue(webhookId), token)).Data)));

        var eventNames = new Command("events", "List every event name the service supports") { appId };
        eventNames.SetAction((parse, ct) => CliRunner.RunAsync(environment, globals, parse, ct, async (client, account, output, token) =>
            output.Print((await client.ListWebhookEventsAsync(account, parse.GetValue(appId)!, token)).Data)));

        foreach (var command in new[] { list, add, get, replace, edit, delete, eventNames, TriggerCommand.Create(environment, globals) })
        {
            webhooks.Subcommands.Add(command);
        }

        return webhooks;
    }

    private static string Require(ParseResult parse, Option<string?> option, string name) =>
        parse.GetValue(option) is { Length: > 0 } value ? value : throw new UsageException($"{name} is required.");

    private static Uri Url(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new UsageException($"--url must be an absolute http or https URL; '{text}' is not.");

    private static List<WebhookEvent>? Events(ParseResult parse, Option<string[]> option, bool required)
    {
        var values = parse.GetValue(option);
        if (values is null || values.Length == 0)
        {
            return required ? throw new UsageException("--event is required: give it once per event, or --event all.") : null;
        }

        var result = new List<WebhookEvent>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
            {
                result.AddRange(WebhookEvent.KnownValues);
            }
            else
            {
                result.Add(new WebhookEvent(value));
            }
        }

        return result.Distinct().ToList();
    }
}
