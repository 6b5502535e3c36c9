using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace RealtimeKit.Generated.Tests.Properties;

/// <summary>What is written and read back: query strings of any names and values, and the three states of a nullable request field.</summary>
public sealed class QueryAndOptionalProperties
{
    /// <summary>Text as a caller would pass it: any well-formed UTF-16 (a lone surrogate is no text and cannot be escaped).</summary>
    public static Arbitrary<string> Text { get; } = Arb.From(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && IsWellFormed(s)));

    [Property(MaxTest = 300, Arbitrary = [typeof(QueryAndOptionalProperties)])]
    public void Any_names_and_values_read_back_from_the_query_string(string[] names, string[] values)
    {
        var query = new RealtimeKitQuery();
        var pairs = names.Zip(values).Where(p => p.First.Length > 0).ToList();
        foreach (var (name, value) in pairs)
        {
            query.Add(name, value);
        }

        Assert.Equal(pairs, Parse(query.ToRelativeUri("/meetings").OriginalString, "/meetings"));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(QueryAndOptionalProperties)])]
    public void A_list_reads_back_item_by_item_exploded_or_joined(string name, string[] items, bool explode)
    {
        if (name.Length == 0)
        {
            return;
        }

        var query = new RealtimeKitQuery();
        query.AddList(name, items, explode);
        var read = Parse(query.ToRelativeUri("/p").OriginalString, "/p", splitCommas: !explode);

        Assert.Equal(items, read.Select(p => p.Value));
        Assert.All(read, p => Assert.Equal(name, p.Name));
    }

    [Property(MaxTest = 300)]
    public void Dates_uuids_and_numbers_read_back_as_the_same_values(DateTimeOffset moment, Guid id, double number, long whole, bool flag)
    {
        Assert.Equal(moment, DateTimeOffset.ParseExact(RealtimeKitQuery.Format(moment), "O", CultureInfo.InvariantCulture));
        Assert.Equal(moment.Offset, DateTimeOffset.ParseExact(RealtimeKitQuery.Format(moment), "O", CultureInfo.InvariantCulture).Offset);
        Assert.Equal(id, Guid.ParseExact(RealtimeKitQuery.Format(id), "D"));
        Assert.Equal(number, double.Parse(RealtimeKitQuery.Format(number), CultureInfo.InvariantCulture));
        Assert.Equal(whole, long.Parse(RealtimeKitQuery.Format(whole), CultureInfo.InvariantCulture));
        Assert.Equal(flag, bool.Parse(RealtimeKitQuery.Format(flag)));
        Assert.Equal(DateOnly.FromDateTime(moment.Date), DateOnly.ParseExact(RealtimeKitQuery.Format(DateOnly.FromDateTime(moment.Date)), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(QueryAndOptionalProperties)])]
    public void A_nullable_field_reads_back_unset_null_or_its_value(byte state, string value, byte otherState, string other)
    {
        var body = new EditParticipantRequest { Name = Optional(state, value), PresetName = Optional(otherState, other) };

        var json = RealtimeKitJson.Serialize(body);
        var read = RealtimeKitJson.Deserialize<EditParticipantRequest>(json)!;

        Assert.Equal(body.Name, read.Name);
        Assert.Equal(body.PresetName, read.PresetName);
        Assert.Equal(json, RealtimeKitJson.Serialize(read));
        Assert.Equal(body.Name.IsSet, json.Contains("\"name\":", StringComparison.Ordinal));
    }

    private static RealtimeKitOptional<string?> Optional(byte state, string value) => (state % 3) switch
    {
        0 => RealtimeKitOptional<string?>.Unset,
        1 => null,
        _ => value,
    };

    /// <summary>The query of <paramref name="uri"/> as (name, value) pairs, unescaped; joined lists split at their unescaped commas.</summary>
    private static List<(string Name, string Value)> Parse(string uri, string path, bool splitCommas = false)
    {
        Assert.StartsWith(path, uri, StringComparison.Ordinal);
        var query = uri[path.Length..];
        if (query.Length == 0)
        {
            return [];
        }

        Assert.StartsWith("?", query, StringComparison.Ordinal);
        var pairs = new List<(string, string)>();
        foreach (var pair in query[1..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"'{pair}' has no name");
            var name = Uri.UnescapeDataString(pair[..equals]);
            var raw = pair[(equals + 1)..];
            foreach (var value in splitCommas ? raw.Split(',') : [raw])
            {
                pairs.Add((name, Uri.UnescapeDataString(value)));
            }
        }

        return pairs;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
