using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>What an import did.</summary>
internal sealed record ImportSummary(int Rows, int Added, int AlreadyDone, int FoundInMeeting, IReadOnlyList<ImportedRow> Failed);

/// <summary>
/// One run of <c>participants import</c>: the rows an earlier run did are kept, the meeting's
/// participants matched when resuming, the rest added with <c>AddParticipantsAsync</c>; each
/// result is appended to the results file as it comes, and the file is rewritten in the input's
/// order at the end.
/// </summary>
internal sealed class ParticipantsImport(IMeetingsClient meetings, string accountId, string appId, Guid meetingId, int maxConcurrency)
{
    public async Task<ImportSummary> RunAsync(
        List<AttendeeRow> attendees,
        Dictionary<string, ImportedRow>? earlier,
        string resultsPath,
        Func<int, CliProgress> progressFor,
        CancellationToken cancellationToken)
    {
        var results = new ImportedRow?[attendees.Count];
        var alreadyDone = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < attendees.Count; i++)
        {
            var attendee = attendees[i];
            if (Invalid(attendee, seen) is { } problem)
            {
                results[i] = new ImportedRow(attendee, null, null, problem);
            }
            else if (earlier is not null && earlier.TryGetValue(attendee.CustomParticipantId, out var before) && before.Done)
            {
                results[i] = before with { Attendee = attendee, Error = null };
                alreadyDone++;
            }
        }

        var added = 0;
        var foundInMeeting = 0;
        using (var writer = AttendeeCsv.Append(resultsPath))
        {
            foreach (var adopted in await AdoptAsync(attendees, results, cancellationToken).ConfigureAwait(false))
            {
                writer.Write(adopted);
                foundInMeeting++;
            }

            var pending = Enumerable.Range(0, attendees.Count).Where(i => results[i] is null).ToList();
            added = await progressFor(pending.Count).RunAsync(async progress =>
            {
                var succeeded = 0;
                var requests = pending.Select(i => Request(attendees[i]));
                await foreach (var result in meetings.AddParticipantsAsync(accountId, appId, meetingId, requests, maxConcurrency, cancellationToken).ConfigureAwait(false))
                {
                    var index = pending[result.Index];
                    var row = result.Participant is { } participant
                        ? new ImportedRow(attendees[index], participant.Id.ToString("D"), participant.Token, null)
                        : new ImportedRow(attendees[index], null, null, OneLine(result.Error));
                    results[index] = row;
                    writer.Write(row);
                    succeeded += row.Done ? 1 : 0;
                    progress.Ended(failed: row.Done ? 0 : 1);
                }

                return succeeded;
            }).ConfigureAwait(false);
        }

        AttendeeCsv.Rewrite(resultsPath, results.Select(r => r!));
        return new ImportSummary(attendees.Count, added, alreadyDone, foundInMeeting, [.. results.Where(r => !r!.Done).Select(r => r!)]);
    }

    /// <summary>A row that cannot be sent: a required column empty, or a custom_participant_id of an earlier row (adding it would be a second participant).</summary>
    private static string? Invalid(AttendeeRow attendee, Dictionary<string, int> seen)
    {
        if (attendee.CustomParticipantId.Length == 0)
        {
            return $"{AttendeeCsv.CustomParticipantId} is empty";
        }

        if (attendee.PresetName.Length == 0)
        {
            return $"{AttendeeCsv.PresetName} is empty";
        }

        if (seen.TryGetValue(attendee.CustomParticipantId, out var first))
        {
            return $"{AttendeeCsv.CustomParticipantId} '{attendee.CustomParticipantId}' is that of row {first} too; not added twice";
        }

        seen[attendee.CustomParticipantId] = attendee.Row;
        return null;
    }

    /// <summary>
    /// An interrupted run may have added rows it did not record (or the attendee was added some
    /// other way): each row still to do whose custom_participant_id the meeting has is that
    /// participant (with a new token, as a list carries none), not a second one.
    /// </summary>
    private async Task<List<ImportedRow>> AdoptAsync(List<AttendeeRow> attendees, ImportedRow?[] results, CancellationToken cancellationToken)
    {
        var adopted = new List<ImportedRow>();
        var open = Enumerable.Range(0, attendees.Count).Where(i => results[i] is null).ToDictionary(i => attendees[i].CustomParticipantId, StringComparer.Ordinal);
        if (open.Count == 0)
        {
            return adopted;
        }

        await foreach (var participant in meetings.EnumerateParticipantsAsync(accountId, appId, meetingId, perPage: 100, cancellationToken).ConfigureAwait(false))
        {
            if (participant.CustomParticipantId is { } custom && open.Remove(custom, out var index))
            {
                var token = await meetings.RefreshParticipantTokenAsync(accountId, appId, meetingId, participant.Id.ToString("D"), cancellationToken).ConfigureAwait(false);
                results[index] = new ImportedRow(attendees[index], participant.Id.ToString("D"), token.Data.Token, null);
                adopted.Add(results[index]!);
            }
        }

        return adopted;
    }

    private static AddParticipantRequest Request(AttendeeRow attendee)
    {
        var request = new AddParticipantRequest { CustomParticipantId = attendee.CustomParticipantId, PresetName = attendee.PresetName };
        if (attendee.Name is { } name)
        {
            request.Name = name;
        }

        if (attendee.Picture is { } picture)
        {
            request.Picture = picture;
        }

        return request;
    }

    private static string OneLine(Exception? error) =>
        (error?.Message ?? "not added").ReplaceLineEndings(" ");
}
