using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Windows PowerShell 5.1 fallback (no AssemblyLoadContext): answers AppDomain.AssemblyResolve for assemblies
    /// found in Dependencies/. Same-identity assemblies (AWSSDK.Core 4.0.0.0) bind to whichever copy loaded first,
    /// so <see cref="ConflictWarning"/> tells the user when an older AWSSDK.Core is already in the session.
    /// Holds no System.Management.Automation types, so it is tested on .NET directly.
    /// </summary>
    internal sealed class DependencyResolver
    {
        public DependencyResolver(string moduleDirectory)
        {
            DependencyDirectory = Path.Combine(moduleDirectory, "Dependencies");
        }

        public string DependencyDirectory { get; }

        /// <summary>The path in Dependencies/ that answers a request for <paramref name="assemblyFullName"/>, or null.</summary>
        public string? FindDependency(string assemblyFullName)
        {
            string? name = new AssemblyName(assemblyFullName).Name;
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            string path = Path.Combine(DependencyDirectory, name + ".dll");
            return File.Exists(path) ? path : null;
        }

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? path = FindDependency(args.Name);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>
        /// A warning when an AWSSDK.Core older than ours is already loaded (typically by AWS.Tools imported first):
        /// both share the assembly identity 4.0.0.0, so S3Audit would run on that older copy.
        /// </summary>
        public string? ConflictWarning(Assembly[] loadedAssemblies)
        {
            string ours = Path.Combine(DependencyDirectory, "AWSSDK.Core.dll");
            if (!File.Exists(ours))
            {
                return null;
            }

            Version? ourVersion = FileVersionOf(ours);
            foreach (Assembly loaded in loadedAssemblies.Where(a => a.GetName().Name == "AWSSDK.Core"))
            {
                string location = SafeLocation(loaded);
                if (location.Length == 0 || string.Equals(Path.GetFullPath(location), Path.GetFullPath(ours), StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Version? theirs = FileVersionOf(location);
                if (ourVersion != null && theirs != null && theirs < ourVersion)
                {
                    return $"AWSSDK.Core {theirs} from '{location}' was loaded before S3Audit, which ships {ourVersion}. Windows PowerShell can hold only one copy, so S3Audit will use the older one. " +
                           "Import S3Audit before AWS.Tools, update AWS.Tools, or use PowerShell 7, where S3Audit loads its own copy.";
                }
            }

            return null;
        }

        private static string SafeLocation(Assembly assembly)
        {
            try
            {
                return assembly.Location ?? string.Empty;
            }
            catch (NotSupportedException)
            {
                return string.Empty;
            }
        }

        private static Version? FileVersionOf(string path)
        {
            string? text = FileVersionInfo.GetVersionInfo(path).FileVersion;
            return Version.TryParse(text, out Version? version) ? version : null;
        }
    }
}
