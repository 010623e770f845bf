using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using S3Audit.Engine.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace S3Audit.Engine.Lyve
{
    /// <summary>
    /// Reads and writes the recorded Lyve audit targets in the per-user settings file (see <see cref="SettingsPath"/>),
    /// so Get-S3AuditLogEntry and scheduled audits find Lyve logs without repeating parameters. Other sections of
    /// the file are kept as they are.
    /// </summary>
    public sealed class LyveTargetStore
    {
        private const string SectionName = "lyveAuditTargets";

        /// <summary>A store on the default settings path, or on <paramref name="path"/>.</summary>
        public LyveTargetStore(string? path = null) => Path = path ?? SettingsPath.Resolve();

        /// <summary>The settings file.</summary>
        public string Path { get; }

        /// <summary>The recorded targets; empty when the file does not exist. A malformed file is an <see cref="InvalidDataException"/> naming file, line and column.</summary>
        public IReadOnlyList<LyveTargetRecord> Load()
        {
            Dictionary<string, object?> document = ReadDocument();
            if (!document.TryGetValue(SectionName, out object? section) || section == null)
            {
                return Array.Empty<LyveTargetRecord>();
            }

            string yaml = new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Serialize(section);
            try
            {
                return Deserializer().Deserialize<List<LyveTargetRecord>>(yaml) ?? new List<LyveTargetRecord>();
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{Path}: a recorded Lyve audit target could not be read ({SectionName}): {e.InnerException?.Message ?? e.Message}", e);
            }
        }

        /// <summary>Adds the target, or replaces the one with the same endpoint and bucket. Written atomically.</summary>
        public void Save(LyveTargetRecord record)
        {
            List<LyveTargetRecord> targets = Load().Where(t => !SameTarget(t, record)).ToList();
            targets.Add(record);
            Write(targets);
        }

        /// <summary>Removes the target with this endpoint and bucket; false when there was none.</summary>
        public bool Remove(string endpointUrl, string bucketName)
        {
            var probe = new LyveTargetRecord { EndpointUrl = endpointUrl, BucketName = bucketName };
            List<LyveTargetRecord> targets = Load().ToList();
            int removed = targets.RemoveAll(t => SameTarget(t, probe));
            if (removed > 0)
            {
                Write(targets);
            }

            return removed > 0;
        }

        private void Write(List<LyveTargetRecord> targets)
        {
            Dictionary<string, object?> document = ReadDocument();
            document[SectionName] = targets;
            string yaml = "# S3Audit per-user settings. Written by Set-LyveAuditTarget; never holds secrets.\n" +
                          new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).WithTypeConverter(new DateTimeOffsetYaml()).Build().Serialize(document);
            AtomicFile.WriteAllText(Path, yaml);
        }

        private Dictionary<string, object?> ReadDocument()
        {
            if (!File.Exists(Path))
            {
                return new Dictionary<string, object?>();
            }

            try
            {
                return new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(File.ReadAllText(Path)) ?? new Dictionary<string, object?>();
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{Path}({e.Start.Line},{e.Start.Column}): the settings file is not valid YAML: {e.InnerException?.Message ?? e.Message}", e);
            }
        }

        private static IDeserializer Deserializer() =>
            new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).WithTypeConverter(new DateTimeOffsetYaml()).IgnoreUnmatchedProperties().Build();

        private static bool SameTarget(LyveTargetRecord a, LyveTargetRecord b) =>
            string.Equals(a.BucketName, b.BucketName, StringComparison.Ordinal) && SameEndpoint(a.EndpointUrl, b.EndpointUrl);

        /// <summary>True when two endpoint URLs name the same endpoint: case aside, and with or without a trailing '/'.</summary>
        internal static bool SameEndpoint(string a, string b) =>
            string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
