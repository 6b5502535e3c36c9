using CsvHelper;

namespace RealtimeKit.Cli;

/// <summary>One attendee of the input file: its data row (1 = the first after the header) and columns.</summary>
internal sealed record AttendeeRow(int Row, string CustomParticipantId, string PresetName, string? Name, string? Picture);

/// <summary>What became of an attendee: the participant's id and join token, or why it was not added.</summary>
internal sealed record ImportedRow(AttendeeRow Attendee, string? Id, string? Token, string? Error)
{
    public bool Done => !string.IsNullOrEmpty(Id);
}

/// <summary>
/// The files of <c>participants import</c>, read and written by CsvHelper (RFC 4180: quoted fields,
/// commas, quotes and line breaks inside them): the attendees (<see cref="InputColumns"/>, a header row,
/// columns in any order, <c>name</c> and <c>picture</c> optional) and the results (<see cref="OutputColumns"/>).
/// </summary>
internal static class AttendeeCsv
{
    public const string CustomParticipantId = "custom_participant_id";
    public const string PresetName = "preset_name";
    public const string Name = "name";
    public const string Picture = "picture";

    public static readonly string[] InputColumns = [CustomParticipantId, PresetName, Name, Picture];

    public static readonly string[] OutputColumns = [.. InputColumns, "id", "token", "error"];

    /// <summary>The attendees of <paramref name="path"/>; a file that cannot be one is a usage error naming it.</summary>
    public static List<AttendeeRow> ReadAttendees(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: no file '{path}'.");
        }

        return Read(path, option, (reader, row, columns) => new AttendeeRow(
            row,
            reader.GetString(columns[0]).Trim(),
            reader.GetString(columns[1]).Trim(),
            Optional(reader, columns[2]),
            Optional(reader, columns[3])));
    }

    /// <summary>
    /// The rows of an earlier run's results in <paramref name="path"/>, by custom_participant_id:
    /// a row with a participant id wins over one without (a duplicate row's error does not undo
    /// the add of the row it repeats); otherwise the last row wins.
    /// </summary>
    public static Dictionary<string, ImportedRow> ReadResults(string path, string option)
    {
        var results = new Dictionary<string, ImportedRow>(StringComparer.Ordinal);
        foreach (var (attendee, id, token, error) in Read(path, option, (reader, row, columns) => (
            new AttendeeRow(row, reader.GetString(columns[0]), reader.GetString(columns[1]), Optional(reader, columns[2]), Optional(reader, columns[3])),
            Optional(reader, Index(reader, "id")),
            Optional(reader, Index(reader, "token")),
            Optional(reader, Index(reader, "error")))))
        {
            if (attendee.CustomParticipantId.Length > 0 && !(results.TryGetValue(attendee.CustomParticipantId, out var kept) && kept.Done && string.IsNullOrEmpty(id)))
            {
                results[attendee.CustomParticipantId] = new ImportedRow(attendee, id, token, error);
            }
        }

        return results;
    }

    /// <summary>Opens <paramref name="path"/> to add result rows as they come (the header first when the file is new or empty).</summary>
    public static ResultWriter Append(string path) => new(path, append: true);

    /// <summary>Writes every result, in the input's order, to <paramref name="path"/> at once: into a new file that then replaces it.</summary>
    public static void Rewrite(string path, IEnumerable<ImportedRow> rows)
    {
        var temporary = path + ".tmp";
        using (var writer = new ResultWriter(temporary, append: false))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static List<T> Read<T>(string path, string option, Func<CsvReader, int, int[], T> read)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true });
            reader.ReadHeader();
            var columns = new[] { Index(reader, CustomParticipantId), Index(reader, PresetName), Index(reader, Name), Index(reader, Picture) };
            if (columns[0] < 0 || columns[1] < 0)
            {
                throw new UsageException($"{option}: '{path}' needs a header row with the columns {CustomParticipantId} and {PresetName} ({Name} and {Picture} may follow); it has: {string.Join(",", reader.Headers)}.");
            }

            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader, rows.Count + 1, columns));
            }

            return rows;
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: '{path}' cannot be read as CSV: {ex.Message}");
        }
    }

    private static int Index(CsvReader reader, string column) => reader.TryGetFieldIndex(column, out var index) ? index : -1;

    private static string? Optional(CsvReader reader, int column) =>
        column >= 0 && reader.GetString(column) is { Length: > 0 } value ? value : null;

    /// <summary>Result rows, each flushed to the file as it is written, so that an interrupted run loses none.</summary>
    internal sealed class ResultWriter : IDisposable
    {
        private readonly StreamWriter _file;
        private readonly CsvWriter _csv;

        public ResultWriter(string path, bool append)
        {
            var isNew = !append || !File.Exists(path) || new FileInfo(path).Length == 0;
            _file = new StreamWriter(path, append);
            _csv = CsvWriter.Create(_file, new CsvWriterOptions { HasHeader = false }, leaveOpen: true);
            if (isNew)
            {
                _csv.WriteRecord(OutputColumns);
                Flush();
            }
        }

        public void Write(ImportedRow row)
        {
            var attendee = row.Attendee;
            _csv.WriteRecord([attendee.CustomParticipantId, attendee.PresetName, attendee.Name ?? "", attendee.Picture ?? "", row.Id ?? "", row.Token ?? "", row.Error ?? ""]);
            Flush();
        }

        public void Dispose()
        {
            _csv.Dispose();
            _file.Dispose();
        }

        private void Flush()
        {
            _csv.Flush();
            _file.Flush();
        }
    }
}
