using System.Reflection;
using System.Text.RegularExpressions;
using S3Audit.HelpBuilder;

namespace S3Audit.Module.Tests;

/// <summary>The built module folder out/S3Audit/ and facts read from it.</summary>
public static class ModuleFolder
{
    private static string Metadata(string key) =>
        typeof(ModuleFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string RepoRoot => Metadata("RepoRoot");
    public static string NuGetRoot => Metadata("NuGetPackageRoot");
    public static string Path => System.IO.Path.Combine(RepoRoot, "out", "S3Audit");
    public static string Dependencies => System.IO.Path.Combine(Path, "Dependencies");
    public static string ManifestPath => System.IO.Path.Combine(Path, "S3Audit.psd1");
    public static string Manifest => File.ReadAllText(ManifestPath);

    public static string SmaReferencePath => System.IO.Path.Combine(NuGetRoot, "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll");

    /// <summary>The quoted strings of a manifest list such as CmdletsToExport = @('a', 'b').</summary>
    public static IReadOnlyList<string> ManifestList(string key)
    {
        Match m = Regex.Match(Manifest, key + @"\s*=\s*@\(([^)]*)\)", RegexOptions.Singleline);
        Assert.True(m.Success, $"{key} is not a list in the manifest");
        return Regex.Matches(m.Groups[1].Value, @"'([^']*)'").Select(x => x.Groups[1].Value).ToList();
    }

    /// <summary>A scalar manifest value such as RootModule = 'x'.</summary>
    public static string? ManifestValue(string key)
    {
        Match m = Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*'([^']*)'", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>A MetadataLoadContext that can read the module's assemblies and what they reference.</summary>
    public static MetadataLoadContext OpenMetadata() => CmdletMetadataReader.Open(Path, SmaReferencePath);

    private static readonly Lazy<IReadOnlyList<CmdletMetadata>> CmdletsRead = new(() => CmdletMetadataReader.Read(Path, SmaReferencePath));

    /// <summary>The cmdlets of the built S3Audit.Commands.dll, read once for all tests.</summary>
    internal static IReadOnlyList<CmdletMetadata> Cmdlets => CmdletsRead.Value;

    internal static CmdletMetadata Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);
}
