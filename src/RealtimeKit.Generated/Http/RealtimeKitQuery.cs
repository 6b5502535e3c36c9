using System.Collections;
using System.Globalization;
using System.Text;

namespace RealtimeKit.Generated;

/// <summary>
/// The query string of a generated operation. A parameter that is null is left out, so the
/// service's default applies; names and values are escaped; values are written as the API reads
/// them: booleans in lowercase, dates and times in ISO 8601 round-trip form, dates as
/// yyyy-MM-dd, UUIDs as "D", numbers in the invariant culture, extensible enums by their wire
/// value. Arrays follow the document's <c>explode</c>: one comma-separated value, or the name
/// repeated per item.
/// </summary>
internal sealed class RealtimeKitQuery
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <paramref name="name"/>=<paramref name="value"/>, unless the value is null.</summary>
    public void Add(string name, object? value)
    {
        if (value is not null)
        {
            Append(name, Uri.EscapeDataString(Format(value)));
        }
    }

    /// <summary>Adds an array parameter, unless it is null or empty.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="values">The items; null items are skipped.</param>
    /// <param name="explode">True: <c>name=a&amp;name=b</c>. False: <c>name=a,b</c>, each item escaped and the commas not.</param>
    public void AddList(string name, IEnumerable? values, bool explode)
    {
        if (values is null)
        {
            return;
        }

        var joined = new StringBuilder();
        var items = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            var text = Uri.EscapeDataString(Format(value));
            if (explode)
            {
                Append(name, text);
            }
            else
            {
                // Counted, not measured: an empty first item keeps its place ("a=,b", not "a=b").
                joined.Append(items++ == 0 ? string.Empty : ",").Append(text);
            }
        }

        if (items > 0)
        {
            Append(name, joined.ToString());
        }
    }

    /// <summary>The relative request URI: the path, then the query string when there is one.</summary>
    public Uri ToRelativeUri(string path) => new(_text.Length == 0 ? path : $"{path}?{_text}", UriKind.Relative);

    /// <summary>A value as the API reads it in a query string (before escaping).</summary>
    internal static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),

        // The generated extensible enums: ToString() is the wire value.
        _ => value.ToString() ?? string.Empty,
    };

    private void Append(string name, string escapedValue)
    {
        _text.Append(_text.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(escapedValue);
    }
}
