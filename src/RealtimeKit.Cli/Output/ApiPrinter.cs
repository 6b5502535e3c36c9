using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated;
using Spectre.Console;

namespace RealtimeKit.Cli;

/// <summary>
/// Prints any answer's data: the JSON of <c>data</c> for scripts (<c>-o json</c>); for people, a
/// list of objects as a table of the columns that identify them, fitted to the terminal
/// (<see cref="TableLayout"/>; <c>-o wide</c>: every plain field), an object as a field/value
/// table, anything else as text. Times are in UTC, to the second.
/// </summary>
internal sealed class ApiPrinter(CliEnvironment environment, string output)
{
    private readonly bool _json = output == GlobalOptions.JsonOutput;

    private static readonly JsonSerializer _serializer = JsonSerializer.Create(RealtimeKitJson.SerializerSettings);

    /// <param name="data">The answer's data.</param>
    /// <param name="total">For one page of a paged list: how many items there are in all.</param>
    public void Print(object? data, long? total = null)
    {
        if (_json)
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
                if (total > array.Count)
                {
                    environment.Output.WriteLine($"{array.Count} of {total} (use --all)");
                }

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
        var cells = rows.Select(row => (IReadOnlyList<string>)columns.Select(c => row[c] is { } value ? Text(value) : string.Empty).ToList()).ToList();
        var layout = TableLayout.For(columns, cells, environment.Console.Profile.Width, wide: output == GlobalOptions.WideOutput);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in layout.Cells(columns, columns))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).NoWrap());
        }

        foreach (var row in cells)
        {
            table.AddRow(layout.Cells(columns, row).Select(Markup.Escape).ToArray());
        }

        // Wide: every cell whole, the lines as long as they need (the terminal wraps them, not the cells).
        var width = environment.Console.Profile.Width;
        environment.Console.Profile.Width = Math.Max(width, layout.Width);
        environment.Console.Write(table);
        environment.Console.Profile.Width = width;
        if (layout.LeftOut.Count > 0)
        {
            // Wrapped to the terminal's width, as the table is.
            environment.Console.Write(new Text($"Not shown: {string.Join(", ", layout.LeftOut)} (-o wide shows every column, -o json everything)."));
            environment.Console.WriteLine();
        }
    }

    private static string Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null } => string.Empty,
        JValue { Value: DateTimeOffset time } => Utc(time.UtcDateTime),
        JValue { Value: DateTime time } => Utc(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time),
        JValue { Type: JTokenType.Boolean } value => (bool)value ? "true" : "false",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => token.ToString(Formatting.None),
    };

    /// <summary>A time as people read it, one way everywhere: UTC, to the second (<c>-o json</c> has the API's own).</summary>
    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
