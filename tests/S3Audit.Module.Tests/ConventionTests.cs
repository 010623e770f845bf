using System.Reflection;
using System.Xml.Linq;
using S3Audit.HelpBuilder;

namespace S3Audit.Module.Tests;

/// <summary>PSScriptAnalyzer's rules, applied to the binary cmdlets of the built module.</summary>
public class ConventionTests
{
    private static readonly string[] StateChangingVerbs =
        { "New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update", "Enable", "Disable", "Register", "Unregister", "Add", "Clear", "Install", "Uninstall", "Publish", "Rename", "Move" };

    private static HashSet<string> ApprovedVerbs(MetadataLoadContext mlc)
    {
        Assembly sma = mlc.LoadFromAssemblyPath(ModuleFolder.SmaReferencePath);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (string holder in new[] { "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity" })
        {
            foreach (FieldInfo field in sma.GetType("System.Management.Automation." + holder, throwOnError: true)!.GetFields().Where(f => f.IsLiteral))
            {
                verbs.Add((string)field.GetRawConstantValue()!);
            }
        }

        return verbs;
    }

    private static HashSet<string> FormattedTypes()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(System.IO.Path.Combine(ModuleFolder.Path, "formats"), "*.ps1xml"))
        {
            foreach (XElement name in XDocument.Load(file).Descendants("ViewSelectedBy").Elements("TypeName"))
            {
                types.Add(name.Value.Trim());
            }
        }

        return types;
    }

    /// <summary>A type directly in the S3Audit namespace (the output types), from its full name.</summary>
    private static bool InS3AuditNamespace(string fullName) =>
        fullName.StartsWith("S3Audit.", StringComparison.Ordinal) && fullName.IndexOf('.', "S3Audit.".Length) < 0;

    [Fact]
    public void ThereAreCmdletsToCheck()
    {
        Assert.NotEmpty(ModuleFolder.Cmdlets);
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletsInTheAssembly()
    {
        Assert.Equal(ModuleFolder.Cmdlets.Select(c => c.Name).OrderBy(n => n), ModuleFolder.ManifestList("CmdletsToExport").OrderBy(n => n));
    }

    [Fact]
    public void EveryCmdletUsesAnApprovedVerb()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        HashSet<string> approved = ApprovedVerbs(mlc);
        Assert.Contains("Get", approved);
        Assert.All(ModuleFolder.Cmdlets, c => Assert.True(approved.Contains(c.Verb), $"{c.Name}: '{c.Verb}' is not an approved verb"));
    }

    [Fact]
    public void EveryCmdletIsSealedAndNamedAfterItsVerbAndNoun()
    {
        Assert.All(ModuleFolder.Cmdlets, c =>
        {
            Assert.True(c.IsSealed, $"{c.TypeName} is not sealed");
            Assert.Equal(c.Name.Replace("-", string.Empty) + "Command", c.TypeName);
        });
    }

    [Fact]
    public void EveryCmdletDeclaresOutputTypesThatHaveAFormatView()
    {
        HashSet<string> formatted = FormattedTypes();
        Assert.All(ModuleFolder.Cmdlets, c =>
        {
            Assert.True(c.OutputTypes.Count > 0, $"{c.Name} has no [OutputType]");
            foreach (string output in c.OutputTypes.Where(InS3AuditNamespace))
            {
                Assert.True(formatted.Contains(output), $"{c.Name} outputs {output}, which has no view in formats/");
            }
        });
    }

    [Fact]
    public void StateChangingCmdletsSupportShouldProcess()
    {
        Assert.All(ModuleFolder.Cmdlets.Where(c => StateChangingVerbs.Contains(c.Verb)), c =>
            Assert.True(c.SupportsShouldProcess, $"{c.Name} changes state but does not declare SupportsShouldProcess"));
    }

    [Fact]
    public void BucketNameParametersBindFromThePipelineByPropertyName()
    {
        foreach (CmdletMetadata c in ModuleFolder.Cmdlets)
        {
            ParameterMetadata? bucket = c.Parameters.SingleOrDefault(p => p.Name == "BucketName");
            if (bucket == null)
            {
                continue;
            }

            Assert.True(bucket.Sets.Any(s => s.ByPropertyName),
                $"{c.Name} -BucketName does not bind by property name");
        }
    }
}
