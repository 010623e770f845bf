using System.Management.Automation;

namespace S3Audit.Commands.Completion
{
    /// <summary>What the completers share: the word typed so far without its quotes, and a result quoted where needed.</summary>
    internal static class CompletionText
    {
        public static string Unquote(string? word) => (word ?? string.Empty).Trim('\'', '"');

        /// <summary>A parameter-value result; quoted when the value holds characters PowerShell would split or expand.</summary>
        public static CompletionResult Result(string value, string toolTip)
        {
            bool needsQuotes = value.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', '(', ')', '{', '}', ';', ',', '&', '@', '#', '[', ']' }) >= 0;
            string text = needsQuotes ? "'" + value.Replace("'", "''") + "'" : value;
            return new CompletionResult(text, value, CompletionResultType.ParameterValue, toolTip);
        }
    }
}
