namespace RealtimeKit.Generated;

/// <summary>
/// A request body with rules in the API document. The generated models implement it only where
/// their schema (marked <c>x-rtk-request-body</c>) has rules to check.
/// </summary>
internal interface IRealtimeKitRequestBody
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the field when the body breaks a rule of the document.</summary>
    /// <param name="parameterName">The name of the method parameter that carries the body.</param>
    void Validate(string parameterName);
}
