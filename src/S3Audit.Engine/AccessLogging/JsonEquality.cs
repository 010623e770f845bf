using System.Linq;
using System.Text.Json;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>Semantic JSON equality (member order ignored, array order kept): used to verify that untouched statements survived.</summary>
    internal static class JsonEquality
    {
        public static bool Equal(string a, string b)
        {
            using JsonDocument x = JsonDocument.Parse(a), y = JsonDocument.Parse(b);
            return Equal(x.RootElement, y.RootElement);
        }

        public static bool Equal(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind)
            {
                return false;
            }

            switch (a.ValueKind)
            {
                case JsonValueKind.Object:
                    var left = a.EnumerateObject().ToList();
                    var right = b.EnumerateObject().ToList();
                    return left.Count == right.Count &&
                           left.All(p => b.TryGetProperty(p.Name, out JsonElement other) && Equal(p.Value, other));
                case JsonValueKind.Array:
                    return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray(), Equal).All(e => e);
                case JsonValueKind.String:
                    return a.GetString() == b.GetString();
                case JsonValueKind.Number:
                    return a.GetRawText() == b.GetRawText() || (a.TryGetDecimal(out decimal m) && b.TryGetDecimal(out decimal n) && m == n);
                default:
                    return true;
            }
        }
    }
}
