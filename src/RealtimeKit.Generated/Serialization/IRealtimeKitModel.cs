namespace RealtimeKit.Generated;

/// <summary>
/// A generated model that knows its schema's required fields. The transport asks the answer it
/// read for the first one missing, instead of having the serializer track the presence of every
/// property of every object (which costs a dictionary per object in a list of thousands).
/// </summary>
internal interface IRealtimeKitModel
{
    /// <summary>The JSON path, relative to this object, of the first required field that is missing; null when none is.</summary>
    string? FindMissing();
}
