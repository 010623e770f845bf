using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace S3Audit.Engine.Credentials
{
    /// <summary>One row of IAM's credential report (a user, or &lt;root_account&gt;).</summary>
    internal sealed class CredentialReportRow
    {
        public const string RootUser = "<root_account>";

        public string User { get; set; } = string.Empty;
        public string Arn { get; set; } = string.Empty;
        public DateTimeOffset? Created { get; set; }
        public bool? PasswordEnabled { get; set; }
        public DateTimeOffset? PasswordLastUsed { get; set; }
        public bool? MfaActive { get; set; }
        public ReportKey[] Keys { get; set; } = new ReportKey[0];
        public bool IsRoot => User == RootUser;
    }

    /// <summary>access_key_N_* of a report row.</summary>
    internal sealed class ReportKey
    {
        public bool Active { get; set; }
        public DateTimeOffset? LastRotated { get; set; }
        public DateTimeOffset? LastUsed { get; set; }
        public string LastUsedService { get; set; } = string.Empty;
    }

    /// <summary>Parses the credential report CSV (GetCredentialReport's base64 Content).</summary>
    internal static class CredentialReport
    {
        public static IReadOnlyList<CredentialReportRow> ParseBase64(string content) =>
            Parse(Encoding.UTF8.GetString(Convert.FromBase64String(content.Trim())));

        public static IReadOnlyList<CredentialReportRow> Parse(string csv)
        {
            string[] lines = csv.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToArray();
            if (lines.Length == 0)
            {
                return new CredentialReportRow[0];
            }

            string[] header = lines[0].Split(',');
            var rows = new List<CredentialReportRow>();
            foreach (string line in lines.Skip(1))
            {
                string[] cells = line.Split(',');
                string Cell(string name)
                {
                    int i = Array.IndexOf(header, name);
                    return i >= 0 && i < cells.Length ? cells[i] : string.Empty;
                }

                var row = new CredentialReportRow
                {
                    User = Cell("user"),
                    Arn = Cell("arn"),
                    Created = IamXml.ParseDate(Cell("user_creation_time")),
                    PasswordEnabled = Bool(Cell("password_enabled")),
                    PasswordLastUsed = IamXml.ParseDate(Cell("password_last_used")),
                    MfaActive = Bool(Cell("mfa_active")),
                };
                row.Keys = new[] { 1, 2 }.Select(n => new ReportKey
                {
                    Active = Bool(Cell($"access_key_{n}_active")) == true,
                    LastRotated = IamXml.ParseDate(Cell($"access_key_{n}_last_rotated")),
                    LastUsed = IamXml.ParseDate(Cell($"access_key_{n}_last_used_date")),
                    LastUsedService = Cell($"access_key_{n}_last_used_service"),
                }).Where(k => k.Active || k.LastRotated.HasValue).ToArray();
                rows.Add(row);
            }

            return rows;
        }

        // "not_supported" (the root's password_enabled) and "N/A" are unknown, not false.
        private static bool? Bool(string text) =>
            string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;
    }
}
