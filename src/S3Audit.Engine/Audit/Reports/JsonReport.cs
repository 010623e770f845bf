using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using S3Audit.Engine.IO;

namespace S3Audit.Engine.Audit.Reports
{
    /// <summary>
    /// The JSON report of a run: {"Schema": "S3Audit.AuditReport/1", "Summary": {...}, "Findings": [...]}, with the
    /// property names of S3AuditFinding and S3AuditRunSummary and enums as names. It is also the baseline format.
    /// </summary>
    public static class JsonReport
    {
        /// <summary>The schema marker.</summary>
        public const string Schema = "S3Audit.AuditReport/1";

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter() },
        };

        /// <summary>Writes the report atomically (a temporary file renamed into place).</summary>
        public static void Write(string path, S3AuditRunSummary summary, IReadOnlyList<S3AuditFinding> findings) =>
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Document { Schema = Schema, Summary = summary, Findings = new List<S3AuditFinding>(findings) }, Options));

        /// <summary>Reads the findings of an earlier report; anything else is an <see cref="InvalidDataException"/> naming the file.</summary>
        public static IReadOnlyList<S3AuditFinding> ReadFindings(string path) => Read(path, "baseline").Findings;

        /// <summary>
        /// Reads a report: its findings and, when it has one, its run summary (null otherwise). Anything that is not a
        /// report is an <see cref="InvalidDataException"/> naming the file as <paramref name="role"/> ("report", "baseline").
        /// </summary>
        public static JsonReportContent Read(string path, string role = "report")
        {
            Document? document;
            try
            {
                document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The {role} '{path}' is not an S3Audit JSON report: {e.Message}", e);
            }

            if (document?.Schema != Schema || document.Findings == null)
            {
                throw new InvalidDataException($"The {role} '{path}' is not an S3Audit JSON report: expected \"Schema\": \"{Schema}\" and a Findings list, as written by the json output of Invoke-S3Audit.");
            }

            return new JsonReportContent(document.Summary, document.Findings);
        }

        private sealed class Document
        {
            public string? Schema { get; set; }
            public S3AuditRunSummary? Summary { get; set; }
            public List<S3AuditFinding>? Findings { get; set; }
        }
    }

    /// <summary>What a JSON report holds: the run summary (null in a report without one) and the findings.</summary>
    public sealed class JsonReportContent
    {
        internal JsonReportContent(S3AuditRunSummary? summary, IReadOnlyList<S3AuditFinding> findings) => (Summary, Findings) = (summary, findings);

        /// <summary>The run summary; null when the report has none.</summary>
        public S3AuditRunSummary? Summary { get; }

        /// <summary>The findings, in the report's order.</summary>
        public IReadOnlyList<S3AuditFinding> Findings { get; }
    }
}
