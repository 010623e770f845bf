using System.Xml.Linq;
using S3Audit.HelpBuilder;

namespace S3Audit.Module.Tests.Help;

public sealed class HelpCompilerTests : IDisposable
{
    private static readonly XNamespace Maml = MamlWriter.Maml, Command = MamlWriter.Command, Dev = MamlWriter.Dev;
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-help-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ParameterMetadata Parameter(string name, string type = "String", bool mandatory = false, int? position = null, bool byValue = false, string set = CmdletMetadata.AllSets, bool isSwitch = false) =>
        new(name, type, isSwitch, type.EndsWith("[]"), false, Array.Empty<string>(), new[] { new ParameterSetMetadata(set, mandatory, position, byValue, false) });

    private static CmdletMetadata Cmdlet(bool shouldProcess, params ParameterMetadata[] parameters) =>
        new("New-Thing", "New", "Thing", "NewThingCommand", true, shouldProcess, parameters, new[] { "S3Audit.Thing" });

    private void Source(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    private const string Good = "# New-Thing\n## SYNOPSIS\nMakes things.\n## DESCRIPTION\nLong.\n## PARAMETERS\n### -Name\nThe name.\n## EXAMPLES\n### Example 1: A\n```powershell\nNew-Thing a\n```\nMakes a.\n### Example 2: B\n```powershell\nNew-Thing b\n```\n## OUTPUTS\n### S3Audit.Thing\nA thing.\n";

    [Fact]
    public void MamlHasDetailsSyntaxParametersExamplesAndOutputs()
    {
        Source("New-Thing.md", Good);
        Source(HelpCompiler.CommonFile, "# Common\n## PARAMETERS\n### -Region\nThe region.\n### -Unused\nNot on this cmdlet.\n");
        var warnings = new List<string>();

        XDocument maml = HelpCompiler.Compile(new[] { Cmdlet(true, Parameter("Name", mandatory: true, position: 0, byValue: true), Parameter("Region")) }, _dir, warnings);

        Assert.Empty(warnings);
        XElement command = maml.Root!.Element(Command + "command")!;
        Assert.Equal("New-Thing", command.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal("Makes things.", command.Element(Command + "details")!.Element(Maml + "description")!.Value);
        var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Name", "Region", "WhatIf", "Confirm" }, parameters.Keys);
        Assert.Equal(("true", "0", "True (ByValue)"), ((string)parameters["Name"].Attribute("required")!, (string)parameters["Name"].Attribute("position")!, (string)parameters["Name"].Attribute("pipelineInput")!));
        Assert.Equal("The region.", parameters["Region"].Element(Maml + "description")!.Value);
        Assert.Equal("SwitchParameter", parameters["WhatIf"].Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Single(command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
        Assert.Equal(new[] { "New-Thing a", "New-Thing b" }, command.Descendants(Dev + "code").Select(c => c.Value));
        Assert.Equal("S3Audit.Thing", command.Element(Command + "returnValues")!.Descendants(Maml + "name").Single().Value);
    }

    [Fact]
    public void EachParameterSetGetsASyntaxLine()
    {
        Source("New-Thing.md", Good.Replace("### -Name\nThe name.\n", "### -Name\nThe name.\n### -Id\nThe id.\n"));
        XDocument maml = HelpCompiler.Compile(new[] { Cmdlet(false, Parameter("Name", set: "ByName"), Parameter("Id", "Int32", set: "ById")) }, _dir, new List<string>());
        var lines = maml.Descendants(Command + "syntaxItem").Select(s => string.Join(",", s.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value))).ToList();
        Assert.Equal(new[] { "Name", "Id" }, lines);
    }

    [Fact]
    public void WhatTheConventionTestRejectsIsWarnedAbout()
    {
        Source("New-Thing.md", "# New-Thing\n## SYNOPSIS\nx\n## DESCRIPTION\ny\n## PARAMETERS\n### -Nmae\nTypo.\n## EXAMPLES\n### Example 1\n```powershell\nNew-Thing\n```\n");
        var warnings = new List<string>();
        var other = new CmdletMetadata("Get-Other", "Get", "Other", "GetOtherCommand", true, false, Array.Empty<ParameterMetadata>(), Array.Empty<string>());

        XDocument maml = HelpCompiler.Compile(new[] { Cmdlet(false, Parameter("Name")), other }, _dir, warnings);

        Assert.Contains(warnings, w => w.Contains("warning S3HELP001") && w.Contains("Get-Other has no help source"));
        Assert.Contains(warnings, w => w.Contains("warning S3HELP004") && w.Contains("1 example(s)"));
        Assert.Contains(warnings, w => w.Contains("warning S3HELP005") && w.Contains("-Name is declared"));
        Assert.Contains(warnings, w => w.Contains("warning S3HELP006") && w.Contains("-Nmae is documented"));
        Assert.Single(maml.Root!.Elements(Command + "command"));
    }

    [Fact]
    public void TheReaderSeesTheBuiltCmdletsAndTheirParameters()
    {
        IReadOnlyList<CmdletMetadata> cmdlets = ModuleFolder.Cmdlets;
        CmdletMetadata invoke = cmdlets.Single(c => c.Name == "Invoke-S3Audit");
        ParameterMetadata config = invoke.Parameters.Single(p => p.Name == "ConfigPath");
        Assert.Equal(("String", true, 0, true), (config.TypeName, config.Sets[0].Mandatory, config.Sets[0].Position, config.Sets[0].ByPropertyName));
        Assert.Contains("FullName", config.Aliases);
        Assert.True(cmdlets.Single(c => c.Name == "New-S3AuditConfig").SupportsShouldProcess);
        Assert.True(cmdlets.Single(c => c.Name == "Get-S3AuditAcl").Parameters.Single(p => p.Name == "BucketName").Globbing);
        Assert.Contains(cmdlets.Single(c => c.Name == "Get-S3AuditAcl").Parameters, p => p.Name == "EndpointUrl");
    }
}
