using System.Reflection;
using System.Xml.Linq;

namespace S3Audit.Module.Tests;

/// <summary>PSScriptAnalyzer's rules, applied to the binary cmdlets of the built module.</summary>
public class ConventionTests
{
    private static readonly string[] StateChangingVerbs =
        { "New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update", "Enable", "Disable", "Register", "Unregister", "Add", "Clear", "Install", "Uninstall", "Publish", "Rename", "Move" };

    public sealed record CmdletInfo(string Name, string Verb, Type Type, CustomAttributeData Attribute);

    private static List<CmdletInfo> Cmdlets(MetadataLoadContext mlc)
    {
        Assembly commands = mlc.LoadFromAssemblyPath(System.IO.Path.Combine(ModuleFolder.Path, "S3Audit.Commands.dll"));
        var result = new List<CmdletInfo>();
        foreach (Type type in commands.GetTypes().Where(t => !t.IsAbstract && t.IsPublic))
        {
            CustomAttributeData? cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
            if (cmdlet != null)
            {
                string verb = (string)cmdlet.ConstructorArguments[0].Value!;
                string noun = (string)cmdlet.ConstructorArguments[1].Value!;
                result.Add(new CmdletInfo($"{verb}-{noun}", verb, type, cmdlet));
            }
        }

        return result;
    }

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

    [Fact]
    public void ThereAreCmdletsToCheck()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Assert.NotEmpty(Cmdlets(mlc));
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletsInTheAssembly()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Assert.Equal(Cmdlets(mlc).Select(c => c.Name).OrderBy(n => n), ModuleFolder.ManifestList("CmdletsToExport").OrderBy(n => n));
    }

    [Fact]
    public void EveryCmdletUsesAnApprovedVerb()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        HashSet<string> approved = ApprovedVerbs(mlc);
        Assert.Contains("Get", approved);
        Assert.All(Cmdlets(mlc), c => Assert.True(approved.Contains(c.Verb), $"{c.Name}: '{c.Verb}' is not an approved verb"));
    }

    [Fact]
    public void EveryCmdletIsSealedAndNamedAfterItsVerbAndNoun()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Assert.All(Cmdlets(mlc), c =>
        {
            Assert.True(c.Type.IsSealed, $"{c.Type.Name} is not sealed");
            Assert.Equal(c.Name.Replace("-", string.Empty) + "Command", c.Type.Name);
        });
    }

    [Fact]
    public void EveryCmdletDeclaresOutputTypesThatHaveAFormatView()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        HashSet<string> formatted = FormattedTypes();
        Assert.All(Cmdlets(mlc), c =>
        {
            var outputTypes = c.Type.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>()
                .ToList();
            Assert.True(outputTypes.Count > 0, $"{c.Name} has no [OutputType]");
            foreach (Type output in outputTypes.Where(t => t.Namespace == "S3Audit"))
            {
                Assert.True(formatted.Contains(output.FullName!), $"{c.Name} outputs {output.FullName}, which has no view in formats/");
            }
        });
    }

    [Fact]
    public void StateChangingCmdletsSupportShouldProcess()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Assert.All(Cmdlets(mlc).Where(c => StateChangingVerbs.Contains(c.Verb)), c =>
            Assert.True(c.Attribute.NamedArguments.Any(n => n.MemberName == "SupportsShouldProcess" && (bool)n.TypedValue.Value!), $"{c.Name} changes state but does not declare SupportsShouldProcess"));
    }

    [Fact]
    public void BucketNameParametersBindFromThePipelineByPropertyName()
    {
        using var mlc = ModuleFolder.OpenMetadata();
        foreach (CmdletInfo c in Cmdlets(mlc))
        {
            PropertyInfo? bucket = c.Type.GetProperty("BucketName");
            if (bucket == null)
            {
                continue;
            }

            var parameters = bucket.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList();
            Assert.True(parameters.Any(p => p.NamedArguments.Any(n => n.MemberName == "ValueFromPipelineByPropertyName" && (bool)n.TypedValue.Value!)),
                $"{c.Name} -BucketName does not bind by property name");
        }
    }
}
