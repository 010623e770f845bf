using System.Reflection;
using System.Xml.Linq;

namespace S3Audit.Module.Tests;

/// <summary>Every output type (public class of S3Audit.Types) has a table view in formats/.</summary>
public class ViewConventionTests
{
    [Fact]
    public void EveryPublicOutputTypeHasATableView()
    {
        var tableViews = Directory.GetFiles(Path.Combine(ModuleFolder.Path, "formats"), "*.ps1xml")
            .SelectMany(f => XDocument.Load(f).Descendants("View"))
            .Where(v => v.Element("TableControl") != null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()))
            .ToHashSet(StringComparer.Ordinal);

        using var mlc = ModuleFolder.OpenMetadata();
        Assembly types = mlc.LoadFromAssemblyPath(Path.Combine(ModuleFolder.Path, "S3Audit.Types.dll"));
        var outputTypes = types.GetTypes().Where(t => t.IsPublic && t.IsClass).ToList();
        Assert.Contains(outputTypes, t => t.Name == "S3AuditFinding");
        Assert.All(outputTypes, t => Assert.True(tableViews.Contains(t.FullName!), $"{t.FullName} has no table view in formats/"));
    }
}
