using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Runs at Import-Module. PowerShell 7: loads S3Audit.LoadContext.dll and registers the private load context
    /// that serves the engine and its dependencies from Dependencies/. Windows PowerShell 5.1: registers an
    /// AssemblyResolve fallback and remembers a conflict warning for the first cmdlet to show.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static DependencyResolver? s_resolver;
        private static int s_resolverImports;
        private static Type? s_loadContextType;

        /// <summary>The private load context's type on PowerShell 7 (null on Windows PowerShell 5.1).</summary>
        internal static Type? LoadContextType => s_loadContextType;

        /// <summary>A warning to show once, set on Windows PowerShell when another AWSSDK.Core came first.</summary>
        internal static string? PendingWarning { get; set; }

        /// <summary>Shows the pending warning once, from the first cmdlet that runs.</summary>
        internal static void ShowPendingWarning(Cmdlet cmdlet)
        {
            string? warning = PendingWarning;
            if (warning != null)
            {
                PendingWarning = null;
                cmdlet.WriteWarning(warning);
            }
        }

        /// <inheritdoc />
        public void OnImport()
        {
            string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
            if (IsCoreClr)
            {
                Assembly loadContext = Assembly.LoadFrom(Path.Combine(moduleDirectory, "S3Audit.LoadContext.dll"));
                s_loadContextType = loadContext.GetType("S3Audit.LoadContext.ModuleLoadContext", throwOnError: true);
                s_loadContextType!.GetMethod("Register")!.Invoke(null, new object[] { moduleDirectory });
                return;
            }

            // Counted like the load context's registration: re-import and a second runspace keep one handler.
            lock (Gate)
            {
                if (s_resolverImports++ == 0)
                {
                    s_resolver = new DependencyResolver(moduleDirectory);
                    PendingWarning = s_resolver.ConflictWarning(AppDomain.CurrentDomain.GetAssemblies());
                    AppDomain.CurrentDomain.AssemblyResolve += s_resolver.Resolve;
                }
            }
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            s_loadContextType?.GetMethod("Unregister")?.Invoke(null, null);
            lock (Gate)
            {
                if (s_resolver != null && s_resolverImports > 0 && --s_resolverImports == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= s_resolver.Resolve;
                    s_resolver = null;
                }
            }
        }

        private static bool IsCoreClr => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;
    }
}
