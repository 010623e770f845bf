using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using S3Audit.LoadContext;

namespace S3Audit.Module.Tests;

/// <summary>
/// PowerShell 7's situation, reproduced on .NET: AWS.Tools has already loaded AWSSDK.Core (assembly version
/// 4.0.0.0, an older file) into the default context. S3Audit's engine must still bind to its own copy from
/// Dependencies/, and share only the output types with the default context.
/// </summary>
[Collection(nameof(IsolationTests))]
public class IsolationTests
{
    private static string OlderAwsSdkCore()
    {
        string root = System.IO.Path.Combine(ModuleFolder.NuGetRoot, "awssdk.core", "4.0.3.3", "lib");
        return new[] { "netstandard2.0", "net8.0", "netcoreapp3.1" }.Select(tfm => System.IO.Path.Combine(root, tfm, "AWSSDK.Core.dll")).First(File.Exists);
    }

    [Fact]
    public void EngineUsesItsOwnAwsSdkWhenAnotherCopyIsAlreadyLoaded()
    {
        Assembly foreign = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "AWSSDK.Core")
                           ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(OlderAwsSdkCore());
        Assert.Equal(new Version(4, 0, 0, 0), foreign.GetName().Version);

        ModuleLoadContext context = ModuleLoadContext.Register(ModuleFolder.Path);
        Assembly engine = Assembly.Load(new AssemblyName("S3Audit.Engine"));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(engine));

        // Exercise the engine so it really binds AWSSDK: open a session (creates an AmazonS3Client).
        Type optionsType = engine.GetType("S3Audit.Engine.Connection.S3ConnectionOptions", throwOnError: true)!;
        object options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("AccessKey")!.SetValue(options, "AKIDISOLATION");
        optionsType.GetProperty("SecretKey")!.SetValue(options, "secret");
        optionsType.GetProperty("EndpointUrl")!.SetValue(options, "http://127.0.0.1:1");
        optionsType.GetProperty("Region")!.SetValue(options, "us-east-1");
        Type sessionType = engine.GetType("S3Audit.Engine.Connection.S3Session", throwOnError: true)!;
        using var session = (IDisposable)sessionType.GetMethod("Open")!.Invoke(null, new object?[] { options, null })!;
        object client = sessionType.GetProperty("Client", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(session)!;

        // The session's client is the engine's guarded subclass of AmazonS3Client.
        Type s3Client = client.GetType();
        while (s3Client.Assembly.GetName().Name != "AWSSDK.S3")
        {
            s3Client = s3Client.BaseType!;
        }

        Assembly ourS3 = s3Client.Assembly;
        Assembly ourCore = s3Client.BaseType!.Assembly;
        Assert.Equal("AWSSDK.Core", ourCore.GetName().Name);
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(ourS3));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(ourCore));
        Assert.NotSame(foreign, ourCore);
        Assert.StartsWith(ModuleFolder.Dependencies, ourCore.Location);
        Assert.NotEqual(FileVersionInfo.GetVersionInfo(foreign.Location).FileVersion, FileVersionInfo.GetVersionInfo(ourCore.Location).FileVersion);

        // The foreign copy is untouched and still the default context's answer.
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(foreign));
        Assert.Contains(AssemblyLoadContext.Default.Assemblies, a => ReferenceEquals(a, foreign));
    }

    [Fact]
    public void OutputTypesAreSharedWithTheDefaultContext()
    {
        ModuleLoadContext context = ModuleLoadContext.Register(ModuleFolder.Path);
        Assembly engine = context.LoadEngine();
        AssemblyName typesName = engine.GetReferencedAssemblies().Single(a => a.Name == "S3Audit.Types");
        Assembly typesSeenByEngine = context.LoadFromAssemblyName(typesName);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typesSeenByEngine));
    }

    [Fact]
    public void EveryImportGetsTheSameContext()
    {
        try
        {
            Assert.Same(ModuleLoadContext.Register(ModuleFolder.Path), ModuleLoadContext.Register(ModuleFolder.Path));
        }
        finally
        {
            ModuleLoadContext.Unregister();
            ModuleLoadContext.Unregister();
        }
    }

    // Import-Module -Force, Remove-Module + Import-Module and a second runspace each pair an Unregister with a Register
    // in the same process; the engine must stay reachable from the default context whenever an import is left.
    [Fact]
    public void TheEngineStaysReachableAcrossRemoveAndReimport()
    {
        int before = ModuleLoadContext.ActiveImports;
        ModuleLoadContext.Register(ModuleFolder.Path);
        ModuleLoadContext.Register(ModuleFolder.Path);
        ModuleLoadContext.Unregister();
        Assert.Equal(before + 1, ModuleLoadContext.ActiveImports);
        Assert.NotNull(ResolveEngineFromDefault());

        while (ModuleLoadContext.ActiveImports > 0)
        {
            ModuleLoadContext.Unregister();
        }

        Assert.Null(ResolveEngineFromDefault());
        ModuleLoadContext.Register(ModuleFolder.Path);
        try
        {
            Assert.NotNull(ResolveEngineFromDefault());
        }
        finally
        {
            ModuleLoadContext.Unregister();
            for (int i = 0; i < before; i++)
            {
                ModuleLoadContext.Register(ModuleFolder.Path);
            }
        }
    }

    [Fact]
    public void UnregisterWithoutRegisterIsHarmless()
    {
        int before = ModuleLoadContext.ActiveImports;
        while (ModuleLoadContext.ActiveImports > 0)
        {
            ModuleLoadContext.Unregister();
        }

        ModuleLoadContext.Unregister();
        Assert.Equal(0, ModuleLoadContext.ActiveImports);
        for (int i = 0; i < before; i++)
        {
            ModuleLoadContext.Register(ModuleFolder.Path);
        }
    }

    // What the default context's Resolving event answers for the engine (null when no handler answers).
    private static Assembly? ResolveEngineFromDefault()
    {
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("S3Audit.Engine"));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}

[CollectionDefinition(nameof(IsolationTests), DisableParallelization = true)]
public sealed class IsolationTestsCollection
{
}
