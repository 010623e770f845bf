using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace S3Audit.Engine.Credentials
{
    /// <summary>Reads IAM Query API XML by local name (AWS answers in the IAM namespace, RGW sometimes without).</summary>
    internal static class IamXml
    {
        public static XElement? Child(this XElement element, string name) =>
            element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public static string Text(this XElement element, string name) => element.Child(name)?.Value.Trim() ?? string.Empty;

        public static IEnumerable<XElement> Members(this XElement element, string listName) =>
            element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? Enumerable.Empty<XElement>();

        public static DateTimeOffset? Date(this XElement element, string name) => ParseDate(element.Text(name));

        /// <summary>An ISO 8601 date, or null for empty, N/A, no_information, not_supported.</summary>
        public static DateTimeOffset? ParseDate(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
                ? value
                : (DateTimeOffset?)null;

        /// <summary>A policy document as IAM returns it: URL-encoded (AWS) or plain JSON (some RGW versions).</summary>
        public static string PolicyText(string text)
        {
            string trimmed = text.Trim();
            return trimmed.StartsWith("{", StringComparison.Ordinal) ? trimmed : Uri.UnescapeDataString(trimmed);
        }
    }
}
