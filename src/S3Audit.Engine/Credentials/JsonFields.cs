using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace S3Audit.Engine.Credentials
{
    /// <summary>Tolerant reads of JSON API answers (Lyve, Exoscale): a missing field is empty, never an exception.</summary>
    internal static class JsonFields
    {
        /// <summary>A field as text (strings as they are, numbers and booleans as their JSON), or empty.</summary>
        public static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText())
                : string.Empty;

        /// <summary>A list of strings, or empty.</summary>
        public static List<string> Strings(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText()).ToList()
                : new List<string>();

        /// <summary>The items of a list answer: the array itself, the array under <paramref name="property"/>, or the object's first array.</summary>
        public static List<JsonElement> Items(JsonElement answer, string? property = null)
        {
            if (answer.ValueKind == JsonValueKind.Array)
            {
                return answer.EnumerateArray().ToList();
            }

            if (answer.ValueKind != JsonValueKind.Object)
            {
                return new List<JsonElement>();
            }

            if (property != null && answer.TryGetProperty(property, out JsonElement named) && named.ValueKind == JsonValueKind.Array)
            {
                return named.EnumerateArray().ToList();
            }

            JsonProperty first = answer.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array);
            return first.Value.ValueKind == JsonValueKind.Array ? first.Value.EnumerateArray().ToList() : new List<JsonElement>();
        }
    }
}
