using System.Xml.Linq;
using S3Audit.HelpBuilder;

// Usage: S3Audit.HelpBuilder <docs/help folder> <module folder> <output MAML file>
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: S3Audit.HelpBuilder <help source folder> <module folder> <output MAML file>");
    return 2;
}

try
{
    var warnings = new List<string>();
    XDocument maml = HelpCompiler.Compile(CmdletMetadataReader.Read(args[1]), args[0], warnings);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[2]))!);
    maml.Save(args[2]);
    warnings.ForEach(Console.WriteLine);
    Console.WriteLine($"Help for {maml.Root!.Elements(MamlWriter.Command + "command").Count()} cmdlet(s) written to {args[2]}");
    return 0;
}
catch (HelpFormatException e)
{
    Console.Error.WriteLine($"{e.File}: error S3HELP000: {e.Message}");
    return 1;
}
