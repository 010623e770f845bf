using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using S3Audit.Engine.Audit.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>
    /// Reads and validates an audit profile. Every problem is collected with file, line, column and what was expected,
    /// and an invalid file throws <see cref="AuditConfigException"/> before anything talks to a storage endpoint.
    /// </summary>
    public static class AuditConfigLoader
    {
        private static readonly string[] TopKeys = { "version", "targets", "checks", "thresholds", "outputs" };
        private static readonly string[] TargetKeys =
        {
            "name", "provider", "endpoint", "region", "profile", "profileLocation",
            "accessKeyVariable", "secretKeyVariable", "sessionTokenVariable", "forcePathStyle", "buckets",
        };
        private static readonly string[] SecretKeys = { "accessKey", "secretKey", "secretAccessKey", "sessionToken", "secret", "password", "token", "credentials" };
        private static readonly string[] BucketKeys = { "include", "exclude" };
        private static readonly string[] ThresholdKeys = { "minimumSeverity", "failOn", "keyMaxAgeDays", "keyUnusedDays" };
        private static readonly string[] OutputKeys = { "csv", "json", "html" };
        private static readonly Regex AccessKeyId = new Regex("^(AKIA|ASIA|EXO)[A-Za-z0-9]{12,}$", RegexOptions.CultureInvariant);
        private static readonly Regex TargetName = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

        /// <summary>Reads and validates a file. <paramref name="environment"/> answers ${NAME} references (default: the process environment).</summary>
        public static AuditConfig Load(string path, Func<string, string?>? environment = null)
        {
            string full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"The audit configuration '{full}' does not exist. Create one with New-S3AuditConfig.", full);
            }

            byte[] bytes = File.ReadAllBytes(full);
            string? notText = TextCheck.WhyNotText(bytes);
            if (notText != null)
            {
                throw new AuditConfigException(full, new[] { new AuditConfigError(full, 1, 1, $"the file is not a text file ({notText}): an audit profile is YAML text; create one with New-S3AuditConfig") });
            }

            return Parse(TextCheck.Decode(bytes), full, environment);
        }

        /// <summary>Validates YAML text; <paramref name="path"/> names it in messages and anchors relative report paths.</summary>
        public static AuditConfig Parse(string yaml, string path, Func<string, string?>? environment = null)
        {
            var reader = new YamlNodeReader(path, environment ?? Environment.GetEnvironmentVariable);
            YamlNode? root = ReadRoot(yaml, reader);
            var config = new AuditConfig { Path = path };
            YamlMappingNode? map = root == null ? null : reader.AsMapping(root, "The file");
            if (map != null)
            {
                ReadDocument(map, reader, config, System.IO.Path.GetDirectoryName(path) ?? ".");
            }

            if (reader.Errors.Count > 0)
            {
                throw new AuditConfigException(path, reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
            }

            return config;
        }

        private static YamlNode? ReadRoot(string yaml, YamlNodeReader reader)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                string message = Regex.Replace((e.InnerException as YamlException ?? e).Message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", string.Empty);
                Mark at = (e.InnerException as YamlException)?.Start ?? e.Start;
                string expected = message.StartsWith("Duplicate key", StringComparison.Ordinal) ? "; expected each key once per mapping" : string.Empty;
                reader.Error(at, "not valid YAML: " + message.TrimEnd('.') + expected);
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's parser gives up this way when the text ends inside an open flow collection.
                int lastLine = yaml.TrimEnd().Split('\n').Length;
                reader.Errors.Add(new AuditConfigError(reader.File, lastLine, 1, "not valid YAML: the file ends inside an open [ ], { } or quoted value; expected it to be closed"));
                return null;
            }

            if (stream.Documents.Count == 0)
            {
                reader.Errors.Add(new AuditConfigError(reader.File, 1, 1, "the file is empty; expected a mapping with targets, checks and outputs (New-S3AuditConfig writes a starter file)"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }

        private static void ReadDocument(YamlMappingNode map, YamlNodeReader reader, AuditConfig config, string baseDirectory)
        {
            reader.OnlyKeys(map, "the file", TopKeys);
            reader.Int(map, "version", "the file", 1, 1);
            config.Targets = ReadTargets(map, reader);
            config.Checks = ReadChecks(map, reader);
            config.Thresholds = ReadThresholds(map, reader);
            ReadOutputs(map, reader, config, baseDirectory);
        }

        private static List<AuditTarget> ReadTargets(YamlMappingNode map, YamlNodeReader reader)
        {
            var targets = new List<AuditTarget>();
            YamlNode? node = reader.Child(map, "targets");
            if (!(node is YamlSequenceNode sequence) || sequence.Children.Count == 0)
            {
                reader.Error(node ?? map, "'targets' must be a list with at least one target (- name: ..., provider: ...)" + (node == null ? string.Empty : $"; found {YamlNodeReader.Describe(node)}"));
                return targets;
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (YamlNode item in sequence.Children)
            {
                YamlMappingNode? entry = reader.AsMapping(item, "Each target");
                if (entry == null)
                {
                    continue;
                }

                AuditTarget target = ReadTarget(entry, reader);
                if (target.Name.Length > 0 && !names.Add(target.Name))
                {
                    reader.Error(reader.Child(entry, "name")!, $"the target name '{target.Name}' is used twice; expected unique names");
                }

                targets.Add(target);
            }

            return targets;
        }

        private static AuditTarget ReadTarget(YamlMappingNode entry, YamlNodeReader reader)
        {
            string? name = reader.String(entry, "name", "a target", required: true);
            string where = name == null ? "a target" : $"target '{name}'";
            reader.OnlyKeys(entry, where, TargetKeys, key => SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
                ? $"'{key}' would put a secret in the file; expected accessKeyVariable/secretKeyVariable/sessionTokenVariable naming environment variables, or a profile"
                : null);
            if (name != null && !TargetName.IsMatch(name))
            {
                reader.Error(reader.Child(entry, "name")!, $"the target name '{name}' may hold only letters, digits, '.', '_' and '-'");
            }

            var target = new AuditTarget
            {
                Name = name ?? string.Empty,
                Line = (int)entry.Start.Line,
                Provider = reader.Enum<S3Provider>(entry, "provider", where, required: true) ?? S3Provider.Generic,
                Endpoint = reader.String(entry, "endpoint", where),
                Region = reader.String(entry, "region", where),
                Profile = reader.String(entry, "profile", where),
                ProfileLocation = reader.String(entry, "profileLocation", where),
                AccessKeyVariable = VariableName(entry, "accessKeyVariable", where, reader),
                SecretKeyVariable = VariableName(entry, "secretKeyVariable", where, reader),
                SessionTokenVariable = VariableName(entry, "sessionTokenVariable", where, reader),
                ForcePathStyle = reader.Bool(entry, "forcePathStyle", where),
            };

            ValidateEndpoint(entry, target, where, reader);
            ValidateCredentials(entry, target, where, reader);
            ReadBuckets(entry, target, where, reader);
            return target;
        }

        private static string? VariableName(YamlMappingNode entry, string key, string where, YamlNodeReader reader)
        {
            string? name = reader.String(entry, key, where, expand: false);
            if (name != null && (!EnvironmentReferences.IsVariableName(name) || AccessKeyId.IsMatch(name)))
            {
                reader.Error(reader.Child(entry, key)!, $"'{key}' in {where} must be the NAME of an environment variable (letters, digits and '_', e.g. S3_SECRET_KEY), never the key itself");
            }

            return name;
        }

        private static void ValidateEndpoint(YamlMappingNode entry, AuditTarget target, string where, YamlNodeReader reader)
        {
            YamlNode? node = reader.Child(entry, "endpoint");
            if (target.Endpoint != null)
            {
                if (!Uri.TryCreate(target.Endpoint, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    reader.Error(node!, $"'endpoint' in {where} must be an absolute http or https URL such as https://sos-ch-gva-2.exo.io; found '{target.Endpoint}'");
                }
            }
            else if (node == null && target.Provider != S3Provider.Aws && reader.Child(entry, "provider") != null)
            {
                reader.Error(entry, $"{where} needs 'endpoint': only AWS has a default endpoint (expected e.g. https://sos-ch-gva-2.exo.io, https://s3.us-east-1.lyvecloud.seagate.com, http://minio:9000)");
            }
        }

        private static void ValidateCredentials(YamlMappingNode entry, AuditTarget target, string where, YamlNodeReader reader)
        {
            bool hasAccess = target.AccessKeyVariable != null, hasSecret = target.SecretKeyVariable != null;
            if (hasAccess != hasSecret)
            {
                reader.Error(entry, $"{where} names only one of accessKeyVariable and secretKeyVariable; expected both");
            }

            if (target.SessionTokenVariable != null && !hasAccess)
            {
                reader.Error(reader.Child(entry, "sessionTokenVariable")!, $"sessionTokenVariable in {where} needs accessKeyVariable and secretKeyVariable too");
            }

            if (target.Profile != null && (hasAccess || hasSecret))
            {
                reader.Error(reader.Child(entry, "profile")!, $"{where} gives both a profile and key variables; expected one way to find credentials");
            }

            if (target.ProfileLocation != null && target.Profile == null)
            {
                reader.Error(reader.Child(entry, "profileLocation")!, $"profileLocation in {where} needs 'profile'");
            }
        }

        private static void ReadBuckets(YamlMappingNode entry, AuditTarget target, string where, YamlNodeReader reader)
        {
            YamlNode? node = reader.Child(entry, "buckets");
            if (node == null)
            {
                return;
            }

            YamlMappingNode? buckets = reader.AsMapping(node, $"'buckets' in {where}");
            if (buckets == null)
            {
                return;
            }

            reader.OnlyKeys(buckets, $"the buckets of {where}", BucketKeys);
            target.Include = reader.Strings(buckets, "include", $"the buckets of {where}");
            target.Exclude = reader.Strings(buckets, "exclude", $"the buckets of {where}");
        }

        private static List<AuditCheckSettings> ReadChecks(YamlMappingNode map, YamlNodeReader reader)
        {
            var checks = new List<AuditCheckSettings>();
            YamlNode? node = reader.Child(map, "checks");
            YamlMappingNode? section = node == null ? null : reader.AsMapping(node, "'checks'");
            if (node == null)
            {
                reader.Error(map, $"the file needs 'checks' with at least one of: {string.Join(", ", AuditCheckNames.All)}");
            }

            if (section == null)
            {
                return checks;
            }

            reader.OnlyKeys(section, "'checks'", AuditCheckNames.All);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in section.Children)
            {
                string name = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
                if (!AuditCheckNames.All.Contains(name))
                {
                    continue;
                }

                var settings = new AuditCheckSettings { Name = name };
                bool? enabled = pair.Value is YamlMappingNode options ? ReadCheckOptions(options, settings, reader) : reader.Bool(pair.Value, $"the check '{name}'");
                if (enabled == true)
                {
                    checks.Add(settings);
                }
            }

            if (checks.Count == 0 && reader.Errors.Count == 0)
            {
                reader.Error(section, $"no check is enabled; expected at least one of: {string.Join(", ", AuditCheckNames.All)} set to true");
            }

            return checks;
        }

        private static bool? ReadCheckOptions(YamlMappingNode options, AuditCheckSettings settings, YamlNodeReader reader)
        {
            string where = $"the check '{settings.Name}'";
            bool hasHours = settings.Name == AuditCheckNames.LogAnomalies;
            reader.OnlyKeys(options, where, hasHours ? new[] { "enabled", "hours" } : new[] { "enabled" });
            if (hasHours)
            {
                settings.Hours = reader.Int(options, "hours", where, 1, 8760) ?? settings.Hours;
            }

            return reader.Bool(options, "enabled", where) ?? true;
        }

        private static AuditThresholds ReadThresholds(YamlMappingNode map, YamlNodeReader reader)
        {
            var thresholds = new AuditThresholds();
            YamlNode? node = reader.Child(map, "thresholds");
            YamlMappingNode? section = node == null ? null : reader.AsMapping(node, "'thresholds'");
            if (section == null)
            {
                return thresholds;
            }

            reader.OnlyKeys(section, "'thresholds'", ThresholdKeys);
            thresholds.MinimumSeverity = reader.Enum<S3AuditSeverity>(section, "minimumSeverity", "'thresholds'") ?? thresholds.MinimumSeverity;
            thresholds.FailOn = reader.Enum<S3AuditSeverity>(section, "failOn", "'thresholds'") ?? thresholds.FailOn;
            thresholds.KeyMaxAgeDays = reader.Int(section, "keyMaxAgeDays", "'thresholds'", 1, 3650) ?? thresholds.KeyMaxAgeDays;
            thresholds.KeyUnusedDays = reader.Int(section, "keyUnusedDays", "'thresholds'", 1, 3650) ?? thresholds.KeyUnusedDays;
            return thresholds;
        }

        private static void ReadOutputs(YamlMappingNode map, YamlNodeReader reader, AuditConfig config, string baseDirectory)
        {
            YamlNode? node = reader.Child(map, "outputs");
            YamlMappingNode? section = node == null ? null : reader.AsMapping(node, "'outputs'");
            if (section == null)
            {
                return;
            }

            reader.OnlyKeys(section, "'outputs'", OutputKeys);
            config.CsvPath = ReadPath(section, "csv", reader, baseDirectory);
            config.JsonPath = ReadPath(section, "json", reader, baseDirectory);
            config.HtmlPath = ReadPath(section, "html", reader, baseDirectory);
        }

        private static OutputPathTemplate? ReadPath(YamlMappingNode section, string key, YamlNodeReader reader, string baseDirectory)
        {
            string? text = reader.String(section, key, "'outputs'");
            if (text == null)
            {
                return null;
            }

            OutputPathTemplate? template = OutputPathTemplate.TryParse(text, baseDirectory, out int offset, out string? error);
            if (template == null)
            {
                var scalar = (YamlScalarNode)reader.Child(section, key)!;
                bool expandedDiffers = scalar.Value!.Trim() != text;
                reader.Error(expandedDiffers ? scalar.Start : YamlNodeReader.At(scalar, offset), $"'{key}' in 'outputs': {error}");
            }

            return template;
        }
    }
}
