using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit participants import --app-id A --meeting-id M --file attendees.csv [--out tokens.csv]</c>:
/// adds every attendee of a CSV file to a meeting, each exactly once (<c>AddParticipantsAsync</c>,
/// under the rate budget), and writes each one's participant id and join token, or its error, to
/// the results file as it comes. Run again with the same results file, it adds only the rows not
/// done yet; the meeting's participants are looked up first, so that a row whose add an
/// interrupted run sent but did not record is not added twice. Exit code 1 when a row failed.
/// </summary>
internal static class ParticipantsImportCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var appId = new Option<string>("--app-id") { Description = "The app of the meeting", Required = true };
        var meetingId = new Option<Guid>("--meeting-id") { Description = "The meeting to add the attendees to (a UUID)", Required = true };
        var file = new Option<string>("--file") { Description = $"The attendees: CSV with a header row, columns {AttendeeCsv.CustomParticipantId},{AttendeeCsv.PresetName},{AttendeeCsv.Name},{AttendeeCsv.Picture} (the last two optional), RFC 4180 quoting", Required = true };
        var output = new Option<string?>("--out") { Description = "The results: the attendees' columns and id,token,error, one row per attendee; run again with the same file to resume [default: the input's name with .tokens.csv]" };
        var concurrency = new Option<int>("--concurrency") { Description = "Adds in flight at once, 1 to 64", DefaultValueFactory = _ => RealtimeKitParticipantsExtensions.DefaultMaxConcurrency };
        var command = new Command("import", "Add every attendee of a CSV file to a meeting, each exactly once, writing their join tokens to a CSV file; resumes where an earlier run stopped") { appId, meetingId, file, output, concurrency };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), ct, async () =>
        {
            var input = parse.GetValue(file)!;
            var results = parse.GetValue(output) is { Length: > 0 } given ? given : Path.ChangeExtension(input, null) + ".tokens.csv";
            if (parse.GetValue(concurrency) is < 1 or > 64)
            {
                throw new UsageException($"--concurrency must be 1 to 64; it is {parse.GetValue(concurrency)}.");
            }

            var attendees = AttendeeCsv.ReadAttendees(input, "--file");
            var earlier = File.Exists(results) ? AttendeeCsv.ReadResults(results, "--out") : null;
            await using var services = globals.CreateServices(parse);
            var import = new ParticipantsImport(
                services.GetRequiredService<IMeetingsClient>(),
                globals.RequireAccountId(parse),
                parse.GetValue(appId)!,
                parse.GetValue(meetingId),
                parse.GetValue(concurrency));
            var summary = await import.RunAsync(attendees, earlier, results, total => CliProgress.ForImport(environment, total), ct);
            await WriteAsync(environment, globals.Json(parse), summary, results);
            if (summary.Failed.Count > 0)
            {
                throw new CommandFailedException($"{summary.Failed.Count} of {attendees.Count} rows failed; see the error column of {results}, and run the same command again to retry them.");
            }
        }));
        return command;
    }

    private static async Task WriteAsync(CliEnvironment environment, bool json, ImportSummary summary, string results)
    {
        if (json)
        {
            await environment.Output.WriteLineAsync(new JObject
            {
                ["rows"] = summary.Rows,
                ["added"] = summary.Added,
                ["already_done"] = summary.AlreadyDone,
                ["found_in_meeting"] = summary.FoundInMeeting,
                ["failed"] = summary.Failed.Count,
                ["out"] = results,
            }.ToString());
            return;
        }

        await environment.Output.WriteLineAsync(
            $"{summary.Rows} rows: {summary.Added} added, {summary.AlreadyDone} done by an earlier run, {summary.FoundInMeeting} found in the meeting already, {summary.Failed.Count} failed. Tokens in {results}.");
        foreach (var failed in summary.Failed.Take(10))
        {
            await environment.Output.WriteLineAsync($"  row {failed.Attendee.Row} ({failed.Attendee.CustomParticipantId}): {failed.Error}");
        }

        if (summary.Failed.Count > 10)
        {
            await environment.Output.WriteLineAsync($"  … and {summary.Failed.Count - 10} more");
        }
    }
}
