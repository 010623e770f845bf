using System.Reflection;
using System.Xml.Linq;

namespace S3Audit.Module.Tests;

/// <summary>Every output type (public class of S3Audit.Types) has a table view in formats/, and a list view when its row is wide.</summary>
public class ViewConventionTests
{
    /// <summary>More properties than a table row shows readably.</summary>
    private const int WideRow = 10;

    private static HashSet<string> TypesWithView(string control) =>
        Directory.GetFiles(Path.Combine(ModuleFolder.Path, "formats"), "*.ps1xml")
            .SelectMany(f => XDocument.Load(f).Descendants("View"))
            .Where(v => v.Element(control) != null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()))
            .ToHashSet(StringComparer.Ordinal);

    private static List<Type> OutputTypes(MetadataLoadContext mlc)
    {
        Assembly types = mlc.LoadFromAssemblyPath(Path.Combine(ModuleFolder.Path, "S3Audit.Types.dll"));
        return types.GetTypes().Where(t => t.IsPublic && t.IsClass).ToList();
    }

    [Fact]
    public void EveryPublicOutputTypeHasATableView()
    {
        HashSet<string> tableViews = TypesWithView("TableControl");
        using var mlc = ModuleFolder.OpenMetadata();
        var outputTypes = OutputTypes(mlc);
        Assert.Contains(outputTypes, t => t.Name == "S3AuditFinding");
        Assert.All(outputTypes, t => Assert.True(tableViews.Contains(t.FullName!), $"{t.FullName} has no table view in formats/"));
    }

    [Fact]
    public void EveryWideOutputTypeAlsoHasAListView()
    {
        HashSet<string> listViews = TypesWithView("ListControl");
        using var mlc = ModuleFolder.OpenMetadata();
        var wide = OutputTypes(mlc).Where(t => t.GetProperties().Length > WideRow).ToList();
        Assert.Contains(wide, t => t.Name == "S3AuditBucket");
        Assert.All(wide, t => Assert.True(listViews.Contains(t.FullName!), $"{t.FullName} has {t.GetProperties().Length} properties but no list view in formats/"));
    }
}
