using System.Text.RegularExpressions;

namespace S3Audit.Module.Tests;

public class ManifestTests
{
    [Fact]
    public void VersionIsFilledInFromDirectoryBuildProps()
    {
        string props = File.ReadAllText(System.IO.Path.Combine(ModuleFolder.RepoRoot, "Directory.Build.props"));
        string version = Regex.Match(props, "<S3AuditVersion>([^<]+)</S3AuditVersion>").Groups[1].Value;
        Assert.Equal(version, ModuleFolder.ManifestValue("ModuleVersion"));
        Assert.DoesNotContain("{{", ModuleFolder.Manifest);
    }

    [Fact]
    public void EditionsVersionAndGalleryMetadataArePresent()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, ModuleFolder.ManifestList("CompatiblePSEditions"));
        Assert.Equal("5.1", ModuleFolder.ManifestValue("PowerShellVersion"));
        Assert.Matches(@"^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", ModuleFolder.ManifestValue("GUID"));
        var tags = ModuleFolder.ManifestList("Tags");
        foreach (string tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" })
        {
            Assert.Contains(tag, tags);
        }

        Assert.StartsWith("https://", ModuleFolder.ManifestValue("ProjectUri"));
        Assert.StartsWith("https://", ModuleFolder.ManifestValue("LicenseUri"));
        Assert.False(string.IsNullOrWhiteSpace(ModuleFolder.ManifestValue("ReleaseNotes")));
    }

    [Fact]
    public void ExportListsAreExplicitAndNoThirdPartyAssemblyIsRequired()
    {
        foreach (string key in new[] { "CmdletsToExport", "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.DoesNotContain("*", ModuleFolder.ManifestList(key));
        }

        Assert.DoesNotMatch(@"RequiredAssemblies\s*=\s*@\([^)]*'", ModuleFolder.Manifest);
        Assert.DoesNotMatch(@"NestedModules\s*=\s*@\([^)]*(AWSSDK|YamlDotNet)", ModuleFolder.Manifest);
    }

    [Fact]
    public void EveryFileTheManifestNamesExists()
    {
        var named = new List<string> { ModuleFolder.ManifestValue("RootModule")! };
        named.AddRange(ModuleFolder.ManifestList("FormatsToProcess"));
        foreach (string file in named)
        {
            Assert.True(File.Exists(System.IO.Path.Combine(ModuleFolder.Path, file)), $"{file} is named by the manifest but missing from out/S3Audit");
        }
    }

    [Fact]
    public void TheFolderHoldsTheLayoutTheDesignPromises()
    {
        foreach (string file in new[] { "S3Audit.Commands.dll", "S3Audit.Types.dll", "S3Audit.LoadContext.dll" })
        {
            Assert.True(File.Exists(System.IO.Path.Combine(ModuleFolder.Path, file)), file);
        }

        foreach (string file in new[] { "S3Audit.Engine.dll", "AWSSDK.Core.dll", "AWSSDK.S3.dll", "AWSSDK.SecurityToken.dll", "AWSSDK.SSO.dll", "AWSSDK.SSOOIDC.dll", "YamlDotNet.dll" })
        {
            Assert.True(File.Exists(System.IO.Path.Combine(ModuleFolder.Dependencies, file)), "Dependencies/" + file);
        }

        // Each assembly lives in exactly one place: a second copy would be loaded twice.
        Assert.False(File.Exists(System.IO.Path.Combine(ModuleFolder.Dependencies, "S3Audit.Types.dll")));
        Assert.False(File.Exists(System.IO.Path.Combine(ModuleFolder.Path, "S3Audit.Engine.dll")));
        Assert.Empty(Directory.GetFiles(ModuleFolder.Path, "AWSSDK*.dll"));
    }
}
