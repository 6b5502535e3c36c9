using System.Globalization;

namespace RealtimeKit.Generated;

// Extends the generated Recording: the service sends fileSize as a string of digits (and at
// times as a number, which Newtonsoft reads into the same string); callers want the number.
public partial class Recording
{
    /// <summary><see cref="FileSize"/> as a number of bytes; null when absent or not a whole number.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public long? FileSizeBytes =>
        long.TryParse(FileSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes
        : double.TryParse(FileSize, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && number is >= 0 and <= long.MaxValue ? (long)number
        : null;
}
