using System;
using System.Management.Automation;
using System.Reflection;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Creates the entry point of a feature that needs .NET 8 or later (a library without netstandard2.0). Such a
    /// feature lives in its own assembly in Dependencies/, loaded through the module's private load context, and
    /// implements an interface the engine (netstandard2.0) declares, so the cmdlet calls it without referencing it.
    /// On Windows PowerShell 5.1 the cmdlet stops with FeatureNotSupported; the rest of the module keeps working.
    /// </summary>
    internal static class PowerShell7Feature
    {
        /// <summary>
        /// An instance of <paramref name="typeName"/> from <paramref name="assemblyName"/>, as <typeparamref name="T"/>;
        /// ends the command with FeatureNotSupported on Windows PowerShell.
        /// </summary>
        public static T Create<T>(PSCmdlet cmdlet, string assemblyName, string typeName, string feature)
            where T : class
        {
            Type? loadContext = ModuleInitializer.LoadContextType;
            if (loadContext == null)
            {
                var e = new PlatformNotSupportedException(
                    $"{feature} needs PowerShell 7.4 or later (it is built on .NET 8); this session is {EditionText(cmdlet)}. " +
                    "Install PowerShell 7 (https://aka.ms/powershell) and run the command there; the other S3Audit cmdlets keep working here.");
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FeatureNotSupported, ErrorCategory.NotImplemented, feature));
            }

            var assembly = (Assembly)loadContext!.GetMethod("LoadFeature")!.Invoke(null, new object[] { assemblyName })!;
            Type type = assembly.GetType(typeName, throwOnError: true)!;
            return (T)Activator.CreateInstance(type)!;
        }

        private static string EditionText(PSCmdlet cmdlet)
        {
            object? version = cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") is System.Collections.IDictionary table ? table["PSVersion"] : null;
            return version == null ? "Windows PowerShell" : $"Windows PowerShell {version}";
        }
    }
}
