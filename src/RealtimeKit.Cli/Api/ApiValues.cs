using System.Collections;
using System.Globalization;
using System.Reflection;

namespace RealtimeKit.Cli;

/// <summary>Turns option text into the values the generated methods and models take; a bad value names its option.</summary>
internal static class ApiValues
{
    /// <summary>The element type when <paramref name="type"/> is a list of values (IEnumerable, ICollection, List), else null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IList<>)
            || definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>Whether one option can carry a value of the type (lists: one value per repetition).</summary>
    public static bool IsSimple(Type type)
    {
        var element = ElementType(type);
        var scalar = Nullable.GetUnderlyingType(element ?? type) ?? element ?? type;
        return scalar == typeof(string) || scalar == typeof(Guid) || scalar == typeof(bool) || scalar == typeof(int) || scalar == typeof(long)
            || scalar == typeof(double) || scalar == typeof(float) || scalar == typeof(decimal) || scalar == typeof(DateTimeOffset)
            || scalar == typeof(DateTime) || scalar == typeof(DateOnly) || scalar == typeof(Uri) || scalar.IsEnum || KnownValues(scalar) is not null;
    }

    /// <summary>The wire values of a generated enum (a struct with KnownValues), else null.</summary>
    public static IReadOnlyList<string>? KnownValues(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()?.Value ?? f.Name).ToList();
        }

        return type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable values
            ? values.Cast<object>().Select(v => v.ToString()!).ToList()
            : null;
    }

    /// <summary>What to put after the option in help, e.g. <c>&lt;uuid&gt;</c>.</summary>
    public static string HelpName(Type type)
    {
        var scalar = Nullable.GetUnderlyingType(ElementType(type) ?? type) ?? ElementType(type) ?? type;
        return scalar == typeof(Guid) ? "uuid"
            : scalar == typeof(bool) ? "true|false"
            : scalar == typeof(int) || scalar == typeof(long) ? "integer"
            : scalar == typeof(double) || scalar == typeof(float) || scalar == typeof(decimal) ? "number"
            : scalar == typeof(DateTimeOffset) || scalar == typeof(DateTime) ? "date-time"
            : scalar == typeof(DateOnly) ? "yyyy-mm-dd"
            : scalar == typeof(Uri) ? "url"
            : KnownValues(scalar) is { } known ? string.Join('|', known)
            : "string";
    }

    /// <summary>The value of <paramref name="texts"/> (one text, or several for a list) as <paramref name="type"/>.</summary>
    public static object? Convert(IReadOnlyList<string> texts, Type type, string option)
    {
        if (ElementType(type) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var text in texts)
            {
                list.Add(Convert(text, element, option));
            }

            return list;
        }

        return Convert(texts[^1], type, option);
    }

    public static object? Convert(string text, Type type, string option)
    {
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        if (scalar == typeof(string))
        {
            return text;
        }

        if (scalar == typeof(Guid))
        {
            return Guid.TryParse(text, out var guid) ? guid : throw Bad("is not a UUID");
        }

        if (scalar == typeof(bool))
        {
            return bool.TryParse(text, out var flag) ? flag : throw Bad("is not true or false");
        }

        if (scalar == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Bad("is not a whole number");
        }

        if (scalar == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Bad("is not a whole number");
        }

        if (scalar == typeof(double) || scalar == typeof(float) || scalar == typeof(decimal))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? System.Convert.ChangeType(number, scalar, CultureInfo.InvariantCulture)
                : throw Bad("is not a number");
        }

        if (scalar == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : throw Bad("is not an ISO 8601 date and time");
        }

        if (scalar == typeof(DateTime))
        {
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : throw Bad("is not an ISO 8601 date and time");
        }

        if (scalar == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw Bad("is not a date (yyyy-mm-dd)");
        }

        if (scalar == typeof(Uri))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw Bad("is not an absolute URL");
        }

        if (KnownValues(scalar) is { } known)
        {
            if (!known.Contains(text, StringComparer.Ordinal))
            {
                throw Bad($"is not one of {string.Join(", ", known)}");
            }

            return scalar.IsEnum
                ? Newtonsoft.Json.Linq.JToken.FromObject(text).ToObject(scalar, Newtonsoft.Json.JsonSerializer.Create(Generated.RealtimeKitJson.SerializerSettings))
                : Activator.CreateInstance(scalar, text);
        }

        throw new UsageException($"{option}: values of type {scalar.Name} are not supported; use --body.");

        UsageException Bad(string problem) => new($"{option}: '{text}' {problem}.");
    }
}
