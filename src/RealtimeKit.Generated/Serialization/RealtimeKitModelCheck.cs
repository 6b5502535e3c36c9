using System.Collections;

namespace RealtimeKit.Generated;

/// <summary>The part of <see cref="IRealtimeKitModel.FindMissing"/> the generated models share: looking into nested models and lists of them.</summary>
internal static class RealtimeKitModelCheck
{
    /// <summary>The path of the first required field missing in <paramref name="value"/> (a model or a list of models), under <paramref name="name"/>; null when none is or when it is neither.</summary>
    public static string? Nested(object? value, string name)
    {
        switch (value)
        {
            case IRealtimeKitModel model:
                return model.FindMissing() is { } missing ? $"{name}.{missing}" : null;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is IRealtimeKitModel item && item.FindMissing() is { } itemMissing)
                    {
                        return $"{name}[{i}].{itemMissing}";
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
