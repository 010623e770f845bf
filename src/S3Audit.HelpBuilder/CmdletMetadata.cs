using System.Reflection;
using System.Runtime.InteropServices;

namespace S3Audit.HelpBuilder;

/// <summary>A parameter as the cmdlet class declares it.</summary>
internal sealed record ParameterMetadata(
    string Name, string TypeName, bool IsSwitch, bool IsArray, bool Globbing, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetMetadata> Sets)
{
    /// <summary>Declared by a base class of the cmdlet (the shared connection parameters) rather than by the cmdlet itself.</summary>
    public bool IsInherited { get; init; }

    /// <summary>The default the parameter declares with [PSDefaultValue] (its Help text, else its Value), or null.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The [Parameter] attribute for a parameter set, else the first one (for an all-sets parameter, or no set given).</summary>
    public ParameterSetMetadata SetFor(string? set) => Sets.FirstOrDefault(s => s.SetName == set) ?? Sets.First();
}

/// <summary>One [Parameter] attribute of a parameter: its set, position, whether it is mandatory and how it binds from the pipeline.</summary>
internal sealed record ParameterSetMetadata(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

/// <summary>A cmdlet class of the module: its Verb-Noun name, the class's own name and whether the class is sealed.</summary>
internal sealed record CmdletMetadata(string Name, string Verb, string Noun, string TypeName, bool IsSealed, bool SupportsShouldProcess, IReadOnlyList<ParameterMetadata> Parameters, IReadOnlyList<string> OutputTypes)
{
    public const string AllSets = "__AllParameterSets";

    /// <summary>The parameter sets in use (one, named AllSets, when the cmdlet declares none).</summary>
    public IReadOnlyList<string> SetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllSets).Distinct().ToList();
            return named.Count == 0 ? new[] { AllSets } : named;
        }
    }
}

/// <summary>Reads cmdlets and their parameters from the built S3Audit.Commands.dll without loading it (MetadataLoadContext).</summary>
internal static class CmdletMetadataReader
{
    private const string Sma = "System.Management.Automation.";

    /// <param name="moduleDirectory">The built module folder.</param>
    /// <param name="smaPath">A System.Management.Automation reference assembly; by default the copy next to this tool.</param>
    public static IReadOnlyList<CmdletMetadata> Read(string moduleDirectory, string? smaPath = null)
    {
        using MetadataLoadContext mlc = Open(moduleDirectory, smaPath ?? Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"));
        Assembly commands = mlc.LoadFromAssemblyPath(Path.Combine(moduleDirectory, "S3Audit.Commands.dll"));
        var result = new List<CmdletMetadata>();
        foreach (Type type in commands.GetTypes().Where(t => t.IsPublic && !t.IsAbstract))
        {
            CustomAttributeData? cmdlet = Attribute(type, "CmdletAttribute");
            if (cmdlet == null)
            {
                continue;
            }

            string verb = (string)cmdlet.ConstructorArguments[0].Value!;
            string noun = (string)cmdlet.ConstructorArguments[1].Value!;
            bool shouldProcess = cmdlet.NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && (bool)a.TypedValue.Value!);
            var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => ReadParameter(type, p)).OfType<ParameterMetadata>().ToList();
            var outputs = type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>().Select(t => t.FullName!).ToList();
            result.Add(new CmdletMetadata($"{verb}-{noun}", verb, noun, type.Name, type.IsSealed, shouldProcess, parameters, outputs));
        }

        return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static ParameterMetadata? ReadParameter(Type cmdlet, PropertyInfo property)
    {
        var sets = property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").Select(a =>
        {
            object? Named(string name) => a.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;
            return new ParameterSetMetadata(
                (string?)Named("ParameterSetName") ?? CmdletMetadata.AllSets,
                (bool?)Named("Mandatory") ?? false,
                Named("Position") is int position && position >= 0 ? position : null,
                (bool?)Named("ValueFromPipeline") ?? false,
                (bool?)Named("ValueFromPipelineByPropertyName") ?? false);
        }).ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        Type type = UnderlyingType(property.PropertyType);
        var aliases = property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "AliasAttribute")
            .SelectMany(a => a.ConstructorArguments).SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
            .ToList();
        bool globbing = Attribute(property, "SupportsWildcardsAttribute") != null;
        return new ParameterMetadata(property.Name, type.Name, type.FullName == Sma + "SwitchParameter", type.IsArray, globbing, aliases, sets)
        {
            IsInherited = property.DeclaringType != cmdlet,
            DefaultValue = DeclaredDefault(property),
        };
    }

    // Nullable<T> read through a MetadataLoadContext is not the runtime's typeof(Nullable<>), so
    // Nullable.GetUnderlyingType does not see it: compare by name. Help shows DateTime, not Nullable`1.
    private static Type UnderlyingType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

    private static string? DeclaredDefault(PropertyInfo property)
    {
        CustomAttributeData? declared = Attribute(property, "PSDefaultValueAttribute");
        object? Named(string name) => declared?.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;
        return (Named("Help") ?? Named("Value"))?.ToString();
    }

    private static CustomAttributeData? Attribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Sma + name);

    /// <summary>A MetadataLoadContext that resolves the module's assemblies, their dependencies, the runtime and SMA.</summary>
    internal static MetadataLoadContext Open(string moduleDirectory, string smaPath)
    {
        var paths = new List<string>();
        paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        paths.AddRange(Directory.GetFiles(moduleDirectory, "*.dll"));
        string dependencies = Path.Combine(moduleDirectory, "Dependencies");
        if (Directory.Exists(dependencies))
        {
            paths.AddRange(Directory.GetFiles(dependencies, "*.dll"));
        }

        paths.Add(smaPath);
        return new MetadataLoadContext(new PathAssemblyResolver(paths.GroupBy(Path.GetFileName).Select(g => g.Last())), "System.Runtime");
    }
}
