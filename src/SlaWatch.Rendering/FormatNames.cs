namespace SlaWatch.Rendering;

/// <summary>A format enum by the names people type, each name at its value's position.</summary>
internal static class FormatNames
{
    public static bool TryParse<T>(IReadOnlyList<string> names, string? name, out T format)
        where T : struct, Enum
    {
        var index = -1;
        for (var i = 0; i < names.Count && name is not null; i++)
        {
            if (names[i] == name)
            {
                index = i;
                break;
            }
        }

        format = index < 0 ? default : (T)Enum.ToObject(typeof(T), index);
        return index >= 0;
    }
}
