using Newtonsoft.Json;

namespace RealtimeKit.Generated;

/// <summary>
/// A request field the API document marks <c>nullable: true</c>, where leaving the field out
/// ("leave it as it is") and sending <c>null</c> ("clear it") are different requests.
/// </summary>
/// <remarks>
/// <para>
/// The default value is <em>unset</em>: the field is not sent. Assigning any value, <c>null</c>
/// included, sets it: <c>request.Name = "Ana"</c> sends <c>"name":"Ana"</c>,
/// <c>request.Name = null</c> sends <c>"name":null</c>, and a request whose <c>Name</c> was never
/// assigned (or was assigned <see cref="Unset"/>) sends no <c>name</c> at all.
/// </para>
/// <para>Only request bodies use it, and only on their nullable fields; the models the API answers with keep plain nullable properties.</para>
/// </remarks>
/// <typeparam name="T">The field's type (nullable: <c>string?</c>, <c>bool?</c>, …).</typeparam>
[JsonConverter(typeof(RealtimeKitOptionalJsonConverter))]
public readonly struct RealtimeKitOptional<T> : IEquatable<RealtimeKitOptional<T>>
{
    private readonly T _value;

    /// <summary>A set field holding <paramref name="value"/> (null: the field is sent as <c>null</c>).</summary>
    /// <param name="value">The value to send.</param>
    public RealtimeKitOptional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>The unset field: it is not sent.</summary>
    public static RealtimeKitOptional<T> Unset => default;

    /// <summary>Whether the field is sent (with <see cref="Value"/>, which may be null).</summary>
    public bool IsSet { get; }

    /// <summary>The value sent when <see cref="IsSet"/>; the default of <typeparamref name="T"/> (null) when unset.</summary>
    public T Value => _value;

    /// <summary>Sets the field to <paramref name="value"/>; null clears it on the service.</summary>
    /// <param name="value">The value to send.</param>
    public static implicit operator RealtimeKitOptional<T>(T value) => new(value);

    /// <summary>Whether two fields are both unset, or both set to equal values.</summary>
    public static bool operator ==(RealtimeKitOptional<T> left, RealtimeKitOptional<T> right) => left.Equals(right);

    /// <summary>Whether two fields differ: one set and the other not, or set to different values.</summary>
    public static bool operator !=(RealtimeKitOptional<T> left, RealtimeKitOptional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RealtimeKitOptional<T> other) => IsSet == other.IsSet && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RealtimeKitOptional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <summary>The value, <c>null</c> when set to null, <c>(unset)</c> when not set.</summary>
    public override string ToString() => !IsSet ? "(unset)" : _value?.ToString() ?? "null";

    /// <summary>The value when set, else <paramref name="fallback"/>.</summary>
    /// <param name="fallback">What an unset field stands for.</param>
    public T GetValueOrDefault(T fallback) => IsSet ? _value : fallback;
}

/// <summary>
/// Writes a set <see cref="RealtimeKitOptional{T}"/> as its value (null included) and reads a
/// present field, null included, as set. An unset field never reaches it: the generated
/// properties carry <c>DefaultValueHandling.Ignore</c>, which leaves the unset (default) value out.
/// </summary>
internal sealed class RealtimeKitOptionalJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(RealtimeKitOptional<>);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(serializer);
        var inner = value?.GetType().GetProperty(nameof(RealtimeKitOptional<object>.Value))!.GetValue(value);
        serializer.Serialize(writer, inner);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(serializer);
        var valueType = objectType.GetGenericArguments()[0];
        var inner = reader.TokenType == JsonToken.Null ? null : serializer.Deserialize(reader, valueType);
        return Activator.CreateInstance(objectType, [inner]);
    }
}
