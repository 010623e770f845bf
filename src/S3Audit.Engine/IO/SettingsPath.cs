using System;
using System.IO;
using System.Runtime.InteropServices;

namespace S3Audit.Engine.IO
{
    /// <summary>
    /// The module's per-user settings file (YAML): $S3AUDIT_CONFIG when set; otherwise %APPDATA%\S3Audit\settings.yml
    /// on Windows and $XDG_CONFIG_HOME/S3Audit/settings.yml (default ~/.config/S3Audit/settings.yml) elsewhere.
    /// </summary>
    public static class SettingsPath
    {
        /// <summary>The environment variable that overrides the location.</summary>
        public const string OverrideVariable = "S3AUDIT_CONFIG";

        /// <summary>The settings file path for this user.</summary>
        public static string Resolve()
        {
            string? overridden = Environment.GetEnvironmentVariable(OverrideVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return overridden!;
            }

            string baseDirectory;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                baseDirectory = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            }
            else
            {
                string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
                baseDirectory = string.IsNullOrWhiteSpace(xdg)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
                    : xdg!;
            }

            return Path.Combine(baseDirectory, "S3Audit", "settings.yml");
        }
    }
}
