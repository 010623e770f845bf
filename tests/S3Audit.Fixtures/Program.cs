using System.Text.Json;
using System.Text.Json.Nodes;
using S3Audit.Fixtures;

// One JSON request per line on stdin, one JSON answer per line on stdout: {"ok":true,...} or {"ok":false,"error":"..."}.
// The Pester module tests/pester/S3Fixture.psm1 keeps one such process per PowerShell session.
// With arguments instead (s3fixture <op> key=value ...), runs that one request: handy by hand.
var fixtures = new FixtureOperations();
if (args.Length > 0)
{
    var request = new JsonObject { ["op"] = args[0] };
    foreach (string pair in args.Skip(1))
    {
        int eq = pair.IndexOf('=');
        request[pair[..eq]] = pair[(eq + 1)..];
    }

    string answer = await fixtures.AnswerAsync(request.ToJsonString());
    Console.WriteLine(answer);
    return JsonNode.Parse(answer)!["ok"]!.GetValue<bool>() ? 0 : 1;
}

string? line;
while ((line = Console.ReadLine()) != null)
{
    if (line.Length > 0)
    {
        Console.WriteLine(await fixtures.AnswerAsync(line));
    }
}

return 0;
