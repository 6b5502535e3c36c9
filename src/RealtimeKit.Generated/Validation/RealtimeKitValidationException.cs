namespace RealtimeKit.Generated;

/// <summary>
/// Thrown before anything is sent when a request body breaks a rule of the API document: a
/// required field missing or blank, a URL that is not absolute http(s), a value too long, or an
/// edit that changes nothing. <see cref="System.ArgumentException.ParamName"/> names the
/// parameter and <see cref="Field"/> the JSON field.
/// </summary>
public class RealtimeKitValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the parameter and the field.</param>
    /// <param name="paramName">The method parameter that holds the bad value, for example <c>body</c>.</param>
    /// <param name="field">The JSON field that breaks the rule, for example <c>url</c>; null where the rule is about the whole object.</param>
    public RealtimeKitValidationException(string message, string paramName, string? field)
        : base(message, paramName)
    {
        Field = field;
    }

    /// <summary>The JSON field that breaks the rule, for example <c>url</c>; null where the rule is about the whole object.</summary>
    public string? Field { get; }
}
