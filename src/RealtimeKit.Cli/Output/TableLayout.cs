namespace RealtimeKit.Cli;

/// <summary>
/// Which columns of a list a person sees, and how wide: the few that identify an item (its id,
/// its name or title, its status, when it was created), fitted to the terminal's width by cutting
/// text columns short with an ellipsis, never an id; the others are named as left out.
/// </summary>
internal sealed class TableLayout
{
    /// <summary>What a rounded table spends per column (a border and a space each side) and once (the last border).</summary>
    private const int PerColumn = 3;

    private const int Ellipsis = 1;

    private const int MinimumText = 4;

    /// <summary>A text column cut shorter than this (when its text is longer) costs the least important column its place.</summary>
    private const int Readable = 20;

    private static readonly string[][] _identifying =
    [
        ["id"],
        ["name", "title", "display_name", "custom_participant_id", "event"],
        ["status"],
        ["created_at", "started_at"],
    ];

    private TableLayout(IReadOnlyList<string> columns, IReadOnlyList<int> widths, IReadOnlyList<string> leftOut)
    {
        Columns = columns;
        Widths = widths;
        LeftOut = leftOut;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The most characters each column's cells may have (an id's: all of it).</summary>
    public IReadOnlyList<int> Widths { get; }

    public IReadOnlyList<string> LeftOut { get; }

    /// <summary>The width of the whole table, borders included.</summary>
    public int Width => Widths.Sum() + (PerColumn * Widths.Count) + 1;

    /// <param name="columns">Every column, in order.</param>
    /// <param name="rows">Each row's cell text, by column.</param>
    /// <param name="width">The terminal's width.</param>
    /// <param name="wide">Every column, at full width (<c>-o wide</c>).</param>
    public static TableLayout For(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, int width, bool wide)
    {
        int Longest(int column) => Math.Max(columns[column].Length, rows.Count == 0 ? 0 : rows.Max(r => r[column].Length));

        if (wide)
        {
            return new TableLayout(columns, columns.Select((_, i) => Longest(i)).ToList(), []);
        }

        var kept = new List<int>();
        foreach (var names in _identifying)
        {
            if (names.Select(n => IndexOf(columns, n)).FirstOrDefault(i => i >= 0, -1) is var found and >= 0)
            {
                kept.Add(found);
            }
        }

        if (kept.Count <= 1)
        {
            // Nothing but an id: the first columns after it, as many as fit.
            kept.AddRange(Enumerable.Range(0, columns.Count).Where(i => !kept.Contains(i)).Take(3));
        }

        bool IsId(int column) => columns[column] == "id" || columns[column].EndsWith("_id", StringComparison.Ordinal) && rows.All(r => r[column].Length is 0 or 36);

        // Fit the columns, in the order they matter; while a text column would be cut below a
        // readable width, the column that matters least goes (and is named as left out).
        Dictionary<int, int> widths;
        while (true)
        {
            widths = Fit(kept, width, Longest, IsId);
            var cramped = widths.Any(w => !IsId(w.Key) && w.Value < Math.Min(Longest(w.Key), Readable));
            if (!cramped || kept.Count <= 2)
            {
                break;
            }

            kept.RemoveAt(kept.Count - 1);
        }

        var shown = widths.Keys.Order().ToList();
        return new TableLayout(
            shown.Select(i => columns[i]).ToList(),
            shown.Select(i => widths[i]).ToList(),
            Enumerable.Range(0, columns.Count).Where(i => !widths.ContainsKey(i)).Select(i => columns[i]).ToList());
    }

    /// <summary>The widths of <paramref name="kept"/>: each its longest cell, the widest text columns cut short, one character at a time, until the table fits; then, if it still does not, columns left out from the end.</summary>
    private static Dictionary<int, int> Fit(List<int> kept, int width, Func<int, int> longest, Func<int, bool> isId)
    {
        var widths = kept.ToDictionary(i => i, longest);
        int Total() => widths.Values.Sum() + (PerColumn * widths.Count) + 1;
        while (Total() > width && widths.Where(w => !isId(w.Key) && w.Value > MinimumText).OrderByDescending(w => w.Value).Select(w => (int?)w.Key).FirstOrDefault() is { } widest)
        {
            widths[widest]--;
        }

        while (Total() > width && widths.Count > 1)
        {
            widths.Remove(kept.Last(widths.ContainsKey));
        }

        return widths;
    }

    /// <summary>The cell text of a row for the shown columns, each cut to its width with an ellipsis.</summary>
    public string[] Cells(IReadOnlyList<string> allColumns, IReadOnlyList<string> row) =>
        Columns.Select((column, i) => Cut(row[IndexOf(allColumns, column)], Widths[i])).ToArray();

    private static string Cut(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, Math.Max(0, width - Ellipsis)), "…");

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
