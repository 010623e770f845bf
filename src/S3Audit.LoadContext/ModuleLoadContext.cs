using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace S3Audit.LoadContext
{
    /// <summary>
    /// The private load context of S3Audit on PowerShell 7. It holds S3Audit.Engine and its dependencies from
    /// Dependencies/, so a session that already loaded AWS.Tools (AWSSDK.Core 4.0.0.0 in the default context)
    /// and S3Audit each use their own SDK copy. The cmdlet and output-type assemblies stay in the default context.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        /// <summary>The context's name, visible in diagnostics.</summary>
        public const string ContextName = "S3Audit";

        private const string EngineAssemblyName = "S3Audit.Engine";
        private static readonly object Gate = new object();
        private static ModuleLoadContext? s_instance;

        // Imports not yet removed, over every runspace of the process. The default context is answered while any
        // is left: a binary module is never unloaded, so Import-Module -Force and Remove-Module + Import-Module run
        // OnRemove and OnImport again in the same process, and one runspace's removal must not break another's.
        private static int s_imports;

        // Shared with the default context: the types PowerShell sees, and PowerShell itself.
        private static readonly HashSet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "S3Audit.Types", "S3Audit.Commands", "S3Audit.LoadContext", "System.Management.Automation",
        };

        // Always our own copy, even when the runtime or another module offers one: these are what collide.
        private static readonly string[] PrivateFirstPrefixes = { "AWSSDK.", "YamlDotNet", EngineAssemblyName };

        private readonly string _dependencyDirectory;
        private readonly string _moduleDirectory;
        private readonly HashSet<string> _platformAssemblies;

        private ModuleLoadContext(string moduleDirectory)
            : base(ContextName, isCollectible: false)
        {
            _moduleDirectory = moduleDirectory;
            _dependencyDirectory = Path.Combine(moduleDirectory, "Dependencies");
            _platformAssemblies = PlatformAssemblyNames();
        }

        /// <summary>
        /// Creates the context for the module folder (once per process) and, from the first import on, answers the
        /// default context's requests for the engine (and for the output-type assembly, which sits next to the
        /// cmdlets). Each call is one import: pair it with <see cref="Unregister"/>.
        /// </summary>
        public static ModuleLoadContext Register(string moduleDirectory)
        {
            lock (Gate)
            {
                s_instance ??= new ModuleLoadContext(Path.GetFullPath(moduleDirectory));
                if (s_imports++ == 0)
                {
                    Default.Resolving += ResolveFromDefault;
                }

                return s_instance;
            }
        }

        /// <summary>One import removed; the default context stops being answered when none is left.</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (s_imports > 0 && --s_imports == 0)
                {
                    Default.Resolving -= ResolveFromDefault;
                }
            }
        }

        /// <summary>Imports registered and not yet removed (diagnostics and tests).</summary>
        public static int ActiveImports
        {
            get
            {
                lock (Gate)
                {
                    return s_imports;
                }
            }
        }

        /// <summary>
        /// Loads a PowerShell 7-only feature assembly (one that targets .NET 8 or later, shipped in Dependencies/)
        /// into this context, where it shares the engine with the cmdlets. Called through reflection by the cmdlet
        /// layer, which cannot reference .NET 8 assemblies.
        /// </summary>
        public static Assembly LoadFeature(string assemblyName)
        {
            ModuleLoadContext self = s_instance ?? throw new InvalidOperationException("The S3Audit load context is not registered: import the module first.");
            return self.LoadFromAssemblyName(new AssemblyName(assemblyName));
        }

        /// <summary>Loads the engine through this context.</summary>
        public Assembly LoadEngine() => LoadFromAssemblyName(new AssemblyName(EngineAssemblyName));

        private static Assembly? ResolveFromDefault(AssemblyLoadContext context, AssemblyName name)
        {
            ModuleLoadContext? self = s_instance;
            if (self == null || name.Name == null)
            {
                return null;
            }

            if (string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return self.LoadFromAssemblyName(name);
            }

            if (SharedAssemblies.Contains(name.Name))
            {
                string path = Path.Combine(self._moduleDirectory, name.Name + ".dll");
                return File.Exists(path) ? Default.LoadFromAssemblyPath(path) : null;
            }

            return null;
        }

        /// <inheritdoc />
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name == null || SharedAssemblies.Contains(name))
            {
                return null;
            }

            string candidate = Path.Combine(_dependencyDirectory, name + ".dll");
            bool ours = File.Exists(candidate);
            if (PrivateFirstPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                return ours ? LoadFromAssemblyPath(candidate) : null;
            }

            // What the runtime or PowerShell already ships is shared (one System.Text.Json, not two).
            if (_platformAssemblies.Contains(name))
            {
                return null;
            }

            return ours ? LoadFromAssemblyPath(candidate) : null;
        }

        private static HashSet<string> PlatformAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
            {
                foreach (string path in tpa.Split(Path.PathSeparator))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            string appBase = AppContext.BaseDirectory;
            if (Directory.Exists(appBase))
            {
                foreach (string path in Directory.EnumerateFiles(appBase, "*.dll"))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            return names;
        }
    }
}
