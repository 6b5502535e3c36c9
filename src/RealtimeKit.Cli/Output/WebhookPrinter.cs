using System.Globalization;
using RealtimeKit.Generated;
using Spectre.Console;

namespace RealtimeKit.Cli;

/// <summary>Prints the API's data: a table for people, the JSON of <c>data</c> for scripts.</summary>
internal sealed class WebhookPrinter(CliEnvironment environment, bool json)
{
    public void Print(Webhook webhook)
    {
        if (json)
        {
            environment.Output.WriteLine(RealtimeKitJson.Serialize(webhook, indented: true));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        table.AddRow("id", webhook.Id.ToString());
        table.AddRow("name", Markup.Escape(webhook.Name));
        table.AddRow("url", Markup.Escape(webhook.Url.ToString()));
        table.AddRow("enabled", webhook.Enabled ? "true" : "false");
        table.AddRow("events", Markup.Escape(string.Join(", ", webhook.Events)));
        table.AddRow("created_at", Timestamp(webhook.CreatedAt));
        table.AddRow("updated_at", Timestamp(webhook.UpdatedAt));
        environment.Console.Write(table);
    }

    public void Print(ICollection<Webhook> webhooks)
    {
        if (json)
        {
            environment.Output.WriteLine(RealtimeKitJson.Serialize(webhooks, indented: true));
            return;
        }

        if (webhooks.Count == 0)
        {
            environment.Output.WriteLine("No webhooks.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "url", "enabled", "events", "updated_at");
        foreach (var webhook in webhooks)
        {
            table.AddRow(
                webhook.Id.ToString(),
                Markup.Escape(webhook.Name),
                Markup.Escape(webhook.Url.ToString()),
                webhook.Enabled ? "true" : "false",
                webhook.Events.Count == WebhookEvent.KnownValues.Count && WebhookEvent.KnownValues.All(webhook.Events.Contains) ? "all" : Markup.Escape(string.Join(", ", webhook.Events)),
                Timestamp(webhook.UpdatedAt));
        }

        environment.Console.Write(table);
    }

    public void Print(ICollection<WebhookEvent> events)
    {
        if (json)
        {
            environment.Output.WriteLine(RealtimeKitJson.Serialize(events, indented: true));
            return;
        }

        foreach (var name in events)
        {
            environment.Output.WriteLine(name.IsKnown ? name.ToString() : $"{name} (not known to this version)");
        }
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);
}
