using System.Reflection;
using System.Runtime.Loader;

namespace S3Audit.Module.Tests;

/// <summary>The Windows PowerShell 5.1 fallback (AssemblyResolve), exercised on .NET through the built cmdlet assembly.</summary>
[Collection(nameof(IsolationTests))]
public class DependencyResolverTests
{
    private static object NewResolver()
    {
        Assembly commands = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "S3Audit.Commands")
                            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(System.IO.Path.Combine(ModuleFolder.Path, "S3Audit.Commands.dll"));
        Type type = commands.GetType("S3Audit.Commands.Hosting.DependencyResolver", throwOnError: true)!;
        return Activator.CreateInstance(type, ModuleFolder.Path)!;
    }

    private static object? Call(object resolver, string method, params object[] args) =>
        resolver.GetType().GetMethod(method)!.Invoke(resolver, args);

    [Fact]
    public void ResolvesOnlyWhatDependenciesHolds()
    {
        object resolver = NewResolver();
        Assert.Equal(System.IO.Path.Combine(ModuleFolder.Dependencies, "AWSSDK.Core.dll"),
            Call(resolver, "FindDependency", "AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604"));
        Assert.Equal(System.IO.Path.Combine(ModuleFolder.Dependencies, "S3Audit.Engine.dll"), Call(resolver, "FindDependency", "S3Audit.Engine"));
        Assert.Null(Call(resolver, "FindDependency", "Some.Other.Assembly, Version=1.0.0.0"));
    }

    [Fact]
    public void WarnsWhenAnOlderAwsSdkCoreCameFirst()
    {
        object resolver = NewResolver();
        string older = System.IO.Path.Combine(ModuleFolder.NuGetRoot, "awssdk.core", "4.0.3.3", "lib");
        string path = new[] { "netstandard2.0", "net8.0" }.Select(t => System.IO.Path.Combine(older, t, "AWSSDK.Core.dll")).First(File.Exists);
        var alc = new AssemblyLoadContext("older-awssdk", isCollectible: true);
        Assembly olderCore = alc.LoadFromAssemblyPath(path);

        string? warning = (string?)Call(resolver, "ConflictWarning", (object)new[] { olderCore });
        Assert.NotNull(warning);
        Assert.Contains("4.0.3.3", warning);
        Assert.Contains("Import S3Audit before AWS.Tools", warning);

        Assert.Null(Call(resolver, "ConflictWarning", (object)new[] { typeof(object).Assembly }));
    }
}
