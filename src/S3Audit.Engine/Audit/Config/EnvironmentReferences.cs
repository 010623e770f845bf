using System;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>
    /// ${NAME} references in configuration values, replaced by the environment variable's value at load time, so one
    /// file can serve several machines (an endpoint, a bucket prefix, a report folder). ${NAME:-default} gives a value
    /// for when the variable is unset or empty. Never meant for secrets: keys
    /// are named with accessKeyVariable/secretKeyVariable and read only when the target is audited.
    /// </summary>
    internal static class EnvironmentReferences
    {
        private static readonly Regex Reference = new Regex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}", RegexOptions.CultureInvariant);
        private static readonly Regex Name = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <summary>True when the text is a valid environment variable name.</summary>
        public static bool IsVariableName(string text) => Name.IsMatch(text);

        /// <summary>Replaces each reference; returns the offset and name of the first unset one instead when there is one.</summary>
        public static string Expand(string value, Func<string, string?> environment, out int unsetOffset, out string? unsetName)
        {
            int offset = -1;
            string? missing = null;
            string expanded = Reference.Replace(value, m =>
            {
                string? v = environment(m.Groups[1].Value);
                if (string.IsNullOrEmpty(v) && m.Groups[2].Success)
                {
                    return m.Groups[3].Value;
                }

                if (string.IsNullOrEmpty(v) && missing == null)
                {
                    (offset, missing) = (m.Index, m.Groups[1].Value);
                }

                return v ?? string.Empty;
            });
            (unsetOffset, unsetName) = (offset, missing);
            return expanded;
        }
    }
}
