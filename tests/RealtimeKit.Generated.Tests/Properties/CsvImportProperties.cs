using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RealtimeKit.Cli;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>
/// The CLI's attendee CSV: any result rows it writes read back as written (commas, quotes, line
/// breaks, any text); any file at all is rows or a usage error naming the option, nothing else.
/// </summary>
public sealed class CsvImportProperties : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rtk-csv-props-");

    public static Arbitrary<string> Text { get; } = QueryAndOptionalProperties.Text;

    public static Arbitrary<byte[]> Files { get; } = Arb.From(Inputs.BrokenFrom(
        "custom_participant_id,preset_name,name,picture\nalice,group_call_host,Alice,https://example.com/a.png\nbob,group_call_participant,,\n",
        "preset_name,custom_participant_id\n\"webinar, viewer\",\"c\"\"d\"\n",
        "custom_participant_id,preset_name,name,picture,id,token,error\nx,p,\"multi\nline\",,0d6c9b9e-6f0a-4b5e-9a3f-1c2d3e4f5a6b,tok,\n"));

    [Property(MaxTest = 200, Arbitrary = [typeof(CsvImportProperties)])]
    public void Result_rows_read_back_as_written(string[] ids, string preset, string? name, string? error)
    {
        var rows = ids.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Select((id, i) =>
            new ImportedRow(new AttendeeRow(i + 1, id, preset, Blank(name), null), i % 2 == 0 ? Guid.NewGuid().ToString() : null, null, Blank(error))).ToList();
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.csv");

        AttendeeCsv.Rewrite(path, rows);
        var read = AttendeeCsv.ReadResults(path, "--results");

        Assert.Equal(rows.Count, read.Count);
        foreach (var row in rows)
        {
            var back = read[row.Attendee.CustomParticipantId];
            Assert.Equal((row.Attendee.PresetName, row.Attendee.Name, row.Id, row.Error), (back.Attendee.PresetName, back.Attendee.Name, back.Id, back.Error));
        }
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(CsvImportProperties)])]
    public void Any_file_is_rows_or_a_usage_error_naming_the_option(byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);

        var outcome = Bounded.Run<object>(() =>
        {
            try
            {
                return AttendeeCsv.ReadAttendees(path, "--file");
            }
            catch (UsageException ex)
            {
                return ex;
            }
        }, long.MaxValue, "ReadAttendees");

        if (outcome is UsageException usage)
        {
            Assert.StartsWith("--file: ", usage.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.All((List<AttendeeRow>)outcome, row => Assert.NotNull(row.CustomParticipantId));
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
