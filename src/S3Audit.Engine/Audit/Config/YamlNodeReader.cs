using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>
    /// Reads typed values out of a YAML node tree and records, for every value that is not what was expected, the
    /// file, line and column (YamlDotNet marks are 1-based) and what was expected. Values are never guessed.
    /// </summary>
    internal sealed class YamlNodeReader
    {
        private readonly Func<string, string?> _environment;

        public YamlNodeReader(string file, Func<string, string?> environment)
        {
            File = file;
            _environment = environment;
        }

        public string File { get; }

        public List<AuditConfigError> Errors { get; } = new List<AuditConfigError>();

        public void Error(Mark at, string message) => Errors.Add(new AuditConfigError(File, (int)at.Line, (int)at.Column, message));

        public void Error(YamlNode node, string message) => Error(node.Start, message);

        /// <summary>The node as a mapping, or an error naming <paramref name="what"/>.</summary>
        public YamlMappingNode? AsMapping(YamlNode node, string what)
        {
            if (node is YamlMappingNode map)
            {
                return map;
            }

            Error(node, $"{what} must be a mapping (key: value lines); found {Describe(node)}");
            return null;
        }

        /// <summary>Records an error for each key that is not allowed, with the allowed keys; <paramref name="explain"/> may give a better message for a key.</summary>
        public void OnlyKeys(YamlMappingNode map, string where, IReadOnlyCollection<string> allowed, Func<string, string?>? explain = null)
        {
            foreach (YamlNode key in map.Children.Keys)
            {
                string name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Error(key, explain?.Invoke(name) ?? $"unknown key '{name}' in {where}; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

        /// <summary>A scalar string with ${NAME} references expanded; null when absent (an error when <paramref name="required"/>).</summary>
        public string? String(YamlMappingNode map, string key, string where, bool required = false, bool expand = true)
        {
            YamlNode? node = Child(map, key);
            if (node == null)
            {
                if (required)
                {
                    Error(map, $"{where} needs '{key}'");
                }

                return null;
            }

            if (!(node is YamlScalarNode scalar) || string.IsNullOrWhiteSpace(scalar.Value))
            {
                Error(node, $"'{key}' in {where} must be a non-empty text value; found {Describe(node)}");
                return null;
            }

            return expand ? Expand(scalar) : scalar.Value!.Trim();
        }

        /// <summary>Expands ${NAME} references of a scalar, recording an unset variable at its exact column.</summary>
        public string? Expand(YamlScalarNode scalar)
        {
            string value = scalar.Value ?? string.Empty;
            string expanded = EnvironmentReferences.Expand(value, _environment, out int offset, out string? unset);
            if (unset != null)
            {
                Error(At(scalar, offset), $"the environment variable '{unset}' is not set; expected it to hold the value of this setting");
                return null;
            }

            return expanded.Trim();
        }

        public bool? Bool(YamlMappingNode map, string key, string where) => Bool(Child(map, key), $"'{key}' in {where}");

        public bool? Bool(YamlNode? node, string what)
        {
            if (node == null)
            {
                return null;
            }

            string? text = (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (text == "true" || text == "yes" || text == "on")
            {
                return true;
            }

            if (text == "false" || text == "no" || text == "off")
            {
                return false;
            }

            Error(node, $"{what} must be true or false; found {Describe(node)}");
            return null;
        }

        public int? Int(YamlMappingNode map, string key, string where, int min, int max)
        {
            YamlNode? node = Child(map, key);
            if (node == null)
            {
                return null;
            }

            if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
            {
                return value;
            }

            Error(node, $"'{key}' in {where} must be a whole number from {min} to {max}; found {Describe(node)}");
            return null;
        }

        public T? Enum<T>(YamlMappingNode map, string key, string where, bool required = false)
            where T : struct
        {
            string? text = String(map, key, where, required);
            if (text == null)
            {
                return null;
            }

            string[] names = System.Enum.GetNames(typeof(T));
            string? match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                Error(Child(map, key)!, $"'{key}' in {where} must be one of: {string.Join(", ", names)}; found '{text}'");
                return null;
            }

            return (T)System.Enum.Parse(typeof(T), match);
        }

        /// <summary>A list of texts given as a sequence or a single value.</summary>
        public List<string> Strings(YamlMappingNode map, string key, string where)
        {
            var result = new List<string>();
            YamlNode? node = Child(map, key);
            IEnumerable<YamlNode> items = node switch
            {
                null => Enumerable.Empty<YamlNode>(),
                YamlSequenceNode sequence => sequence.Children,
                YamlScalarNode scalar => new[] { scalar },
                _ => Invalid(node),
            };
            foreach (YamlNode item in items)
            {
                if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
                {
                    string? value = Expand(scalar);
                    if (value != null)
                    {
                        result.Add(value);
                    }
                }
                else
                {
                    Error(item, $"each entry of '{key}' in {where} must be a non-empty text value; found {Describe(item)}");
                }
            }

            return result;

            IEnumerable<YamlNode> Invalid(YamlNode n)
            {
                Error(n, $"'{key}' in {where} must be a list of texts; found {Describe(n)}");
                return Enumerable.Empty<YamlNode>();
            }
        }

        /// <summary>The mark <paramref name="offset"/> characters into a single-line scalar (after its opening quote).</summary>
        public static Mark At(YamlScalarNode scalar, int offset)
        {
            bool quoted = scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted;
            bool singleLine = scalar.Start.Line == scalar.End.Line;
            int shift = singleLine ? offset + (quoted ? 1 : 0) : 0;
            return new Mark(scalar.Start.Index + shift, scalar.Start.Line, scalar.Start.Column + shift);
        }

        public static string Describe(YamlNode node) => node switch
        {
            YamlScalarNode s when string.IsNullOrEmpty(s.Value) => "an empty value",
            YamlScalarNode s => $"'{Quoted(s.Value!)}'",
            YamlSequenceNode _ => "a list",
            YamlMappingNode _ => "a mapping",
            _ => "an alias",
        };

        /// <summary>A value as a message quotes it: control characters shown as '?', at most 60 characters.</summary>
        internal static string Quoted(string value)
        {
            string visible = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
            return visible.Length <= 60 ? visible : visible.Substring(0, 60) + "...";
        }
    }
}
