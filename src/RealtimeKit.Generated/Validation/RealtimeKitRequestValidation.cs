namespace RealtimeKit.Generated;

/// <summary>
/// The checks that the generated client and models call before a request is built. The
/// templates decide which check applies from the OpenAPI document (maxLength, format uri and
/// uuid, required lists), so a changed constraint is one rebuild away.
/// </summary>
internal static class RealtimeKitRequestValidation
{
    /// <summary>
    /// A string id that becomes one segment of the request path: present, not blank, and not a
    /// value that would change the path's shape ("." or "..", which URI normalisation removes, or
    /// a slash). No real id is refused: the service's ids (32-hex account tags, UUIDs) pass.
    /// </summary>
    public static void PathSegment(string? value, string parameterName, int? maxLength)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty.", parameterName);
        }

        if (value is "." or ".." || value.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            throw new ArgumentException($"{parameterName} must be one path segment: '{value}' is not.", parameterName);
        }

        if (maxLength is { } max && value.Length > max)
        {
            throw new ArgumentException($"{parameterName} must be at most {max} characters long; it has {value.Length}.", parameterName);
        }
    }

    public static void NotEmpty(Guid value, string parameterName)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException($"{parameterName} must not be Guid.Empty.", parameterName);
        }
    }

    /// <summary>A request body: present, and within its schema's rules where it has any.</summary>
    public static void Body<T>(T? body, string parameterName)
        where T : class
    {
        if (body is null)
        {
            throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        }

        (body as IRealtimeKitRequestBody)?.Validate(parameterName);
    }

    public static void Required(object? value, string parameterName, string field)
    {
        if (value is null)
        {
            throw new RealtimeKitValidationException($"{parameterName}.{field} is required.", parameterName, field);
        }
    }

    /// <summary>A required <c>format: uuid</c> body field: set, so not <see cref="Guid.Empty"/> (what an unset Guid holds; never a real id).</summary>
    public static void NotEmpty(Guid value, string parameterName, string field)
    {
        if (value == Guid.Empty)
        {
            throw new RealtimeKitValidationException($"{parameterName}.{field} is required: it must not be Guid.Empty.", parameterName, field);
        }
    }

    public static void AbsoluteHttpUri(Uri? value, string parameterName, string field)
    {
        if (value is null)
        {
            return;
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            throw new RealtimeKitValidationException(
                $"{parameterName}.{field} must be an absolute http or https URL; '{value.OriginalString}' is not.", parameterName, field);
        }
    }

    public static void MaxLength(string? value, int maxLength, string parameterName, string field)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new RealtimeKitValidationException(
                $"{parameterName}.{field} must be at most {maxLength} characters long; it has {value.Length}.", parameterName, field);
        }
    }
}
