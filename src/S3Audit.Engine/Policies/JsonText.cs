using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace S3Audit.Engine.Policies
{
    /// <summary>Writes JSON (indented unless asked otherwise) with readable escaping (no \u002B for '+').</summary>
    internal static class JsonText
    {
        public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        public static void StringOrList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            if (values.Count == 1)
            {
                writer.WriteString(name, values[0]);
                return;
            }

            writer.WriteStartArray(name);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
    }
}
