using System.Xml.Linq;

namespace S3Audit.HelpBuilder;

/// <summary>Writes MAML (the format Get-Help reads for binary cmdlets) from help sources and cmdlet metadata.</summary>
internal static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly Dictionary<string, string> ShouldProcessParameters = new()
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
    };

    /// <param name="common">The shared parameter descriptions (docs/help/_CommonParameters.md), if any.</param>
    public static XDocument Write(IEnumerable<(CmdletMetadata Cmdlet, CommandHelp Help)> commands, CommandHelp? common) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.Select(c => CommandElement(c.Cmdlet, c.Help, common))));

    /// <summary>The description of a parameter: from the cmdlet's file, else the common file, else the built-in one for -WhatIf/-Confirm.</summary>
    public static List<string>? DescriptionOf(string parameter, CommandHelp help, CommandHelp? common)
    {
        if (help.Parameters.TryGetValue(parameter, out List<string>? own))
        {
            return own;
        }

        if (common != null && common.Parameters.TryGetValue(parameter, out List<string>? shared))
        {
            return shared;
        }

        return ShouldProcessParameters.TryGetValue(parameter, out string? builtIn) ? new List<string> { builtIn } : null;
    }

    private static XElement CommandElement(CmdletMetadata cmdlet, CommandHelp help, CommandHelp? common)
    {
        List<ParameterMetadata> parameters = cmdlet.Parameters.ToList();
        if (cmdlet.SupportsShouldProcess)
        {
            parameters.AddRange(ShouldProcessParameters.Keys.Select(n => new ParameterMetadata(n, "SwitchParameter", true, false, false, n == "WhatIf" ? new[] { "wi" } : new[] { "cf" },
                new[] { new ParameterSetMetadata(CmdletMetadata.AllSets, false, null, false, false) })));
        }

        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(Maml + "description", help.Synopsis)),
            Description(Maml + "description", help.Description),
            new XElement(Command + "syntax", cmdlet.SetNames.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", cmdlet.Name),
                parameters.Where(p => p.Sets.Any(s => s.SetName == set || s.SetName == CmdletMetadata.AllSets))
                    .OrderBy(p => p.SetFor(set).Position ?? int.MaxValue)
                    .Select(p => ParameterElement(p, set, help, common))))),
            new XElement(Command + "parameters", parameters.Select(p => ParameterElement(p, null, help, common))),
            new XElement(Command + "inputTypes", InputTypes(parameters)),
            new XElement(Command + "returnValues", help.Outputs.Select(o => new XElement(Command + "returnValue",
                new XElement(Dev + "type", new XElement(Maml + "name", o.TypeName)),
                Description(Maml + "description", o.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", help.Notes.Select(Para))),
            new XElement(Command + "examples", help.Examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", e.Remarks.Select(Para))))),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri ?? string.Empty)))));
    }

    private static XElement ParameterElement(ParameterMetadata p, string? set, CommandHelp help, CommandHelp? common)
    {
        ParameterSetMetadata s = p.SetFor(set);
        string pipeline = s.ByValue && s.ByPropertyName ? "True (ByValue, ByPropertyName)" : s.ByValue ? "True (ByValue)" : s.ByPropertyName ? "True (ByPropertyName)" : "False";
        string typeName = p.IsSwitch ? "SwitchParameter" : p.TypeName;
        return new XElement(Command + "parameter",
            new XAttribute("required", s.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", p.IsArray ? "true" : "false"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", s.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(Maml + "description", DescriptionOf(p.Name, help, common) ?? new List<string>()),
            p.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", p.IsArray ? "true" : "false"), typeName),
            new XElement(Dev + "type", new XElement(Maml + "name", typeName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.DefaultValue ?? (p.IsSwitch ? "False" : "None")));
    }

    private static IEnumerable<XElement> InputTypes(IEnumerable<ParameterMetadata> parameters) =>
        parameters.Where(p => p.Sets.Any(s => s.ByValue || s.ByPropertyName)).Select(p => p.TypeName).Distinct().Select(t => new XElement(Command + "inputType",
            new XElement(Dev + "type", new XElement(Maml + "name", t)),
            new XElement(Maml + "description")));

    private static XElement Description(XName name, IEnumerable<string> paragraphs) => new(name, paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);
}
