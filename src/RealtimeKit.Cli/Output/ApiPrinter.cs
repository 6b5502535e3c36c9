using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated;
using Spectre.Console;

namespace RealtimeKit.Cli;

/// <summary>
/// Prints any answer's data: the JSON of <c>data</c> for scripts; for people, a list of objects as
/// a table of their plain fields, an object as a field/value table, anything else as text.
/// </summary>
internal sealed class ApiPrinter(CliEnvironment environment, bool json)
{
    private static readonly JsonSerializer _serializer = JsonSerializer.Create(RealtimeKitJson.SerializerSettings);

    public void Print(object? data)
    {
        if (json)
        {
            environment.Output.WriteLine(data is null ? "null" : RealtimeKitJson.Serialize(data, indented: true));
            return;
        }

        var token = data is null ? JValue.CreateNull() : JToken.FromObject(data, _serializer);
        switch (token)
        {
            case JArray { Count: 0 }:
                environment.Output.WriteLine("No results.");
                break;
            case JArray array when array.All(item => item is JObject):
                PrintRows(array.Cast<JObject>().ToList());
                break;
            case JArray array:
                foreach (var item in array)
                {
                    environment.Output.WriteLine(Text(item));
                }

                break;
            case JObject obj:
                var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
                foreach (var (name, value) in obj)
                {
                    table.AddRow(Markup.Escape(name), Markup.Escape(Text(value)));
                }

                environment.Console.Write(table);
                break;
            default:
                environment.Output.WriteLine(Text(token));
                break;
        }
    }

    private void PrintRows(List<JObject> rows)
    {
        // The columns: the fields holding plain values, in the order they first appear; nested ones are in --output json.
        var columns = rows.SelectMany(r => r.Properties()).Where(p => p.Value is JValue).Select(p => p.Name).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => Markup.Escape(row[c] is { } value ? Text(value) : string.Empty)).ToArray());
        }

        environment.Console.Write(table);
    }

    private static string Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null } => string.Empty,
        JValue { Value: DateTimeOffset time } => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture),
        JValue { Value: DateTime time } => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } value => (bool)value ? "true" : "false",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => token.ToString(Formatting.None),
    };
}
