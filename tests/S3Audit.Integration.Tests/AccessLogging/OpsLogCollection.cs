namespace S3Audit.Integration.Tests.AccessLogging;

/// <summary>
/// Tests that read radosgw's ops log run alone, after the parallel ones: under heavy parallel load (thousands of
/// requests) radosgw delays the log and drops lines beyond its backlog, and a dropped PUT line would let a
/// "nothing was written" assertion pass wrongly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpsLogCollection
{
    public const string Name = "RGW ops log";
}
