using System.Reflection;

namespace S3Audit.Module.Tests;

/// <summary>
/// The assemblies in PowerShell's default context must not show AWSSDK, YamlDotNet or engine types in any
/// public signature: those live in the private load context, and PowerShell 7 hides types from other contexts.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly string[] Forbidden = { "AWSSDK.", "YamlDotNet", "S3Audit.Engine" };

    [Theory]
    [InlineData("S3Audit.Commands.dll")]
    [InlineData("S3Audit.Types.dll")]
    public void NoPublicSignatureMentionsAPrivateDependency(string assemblyFile)
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Assembly assembly = mlc.LoadFromAssemblyPath(System.IO.Path.Combine(ModuleFolder.Path, assemblyFile));
        var offences = new List<string>();
        const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        foreach (Type type in assembly.GetTypes().Where(t => t.IsPublic || t.IsNestedPublic))
        {
            Check(type.BaseType, type.FullName + " base type");
            foreach (Type i in type.GetInterfaces()) Check(i, type.FullName + " interface");
            foreach (MemberInfo member in type.GetMembers(Members))
            {
                string where = $"{type.FullName}.{member.Name}";
                switch (member)
                {
                    case PropertyInfo p when IsVisible(p.GetMethod) || IsVisible(p.SetMethod):
                        Check(p.PropertyType, where);
                        break;
                    case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                        Check(f.FieldType, where);
                        break;
                    case MethodBase m when IsVisible(m):
                        if (m is MethodInfo mi) Check(mi.ReturnType, where + " return");
                        foreach (ParameterInfo parameter in m.GetParameters()) Check(parameter.ParameterType, where + " parameter " + parameter.Name);
                        break;
                }
            }
        }

        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));

        void Check(Type? t, string where)
        {
            if (t == null) return;
            if (t.HasElementType) { Check(t.GetElementType(), where); return; }
            if (t.IsGenericType) foreach (Type a in t.GetGenericArguments()) Check(a, where);
            if (t.IsGenericParameter) return;
            string asm = t.Assembly.GetName().Name!;
            if (Forbidden.Any(f => asm.StartsWith(f, StringComparison.Ordinal))) offences.Add($"{where}: {t.FullName} from {asm}");
        }
    }

    private static bool IsVisible(MethodBase? m) => m != null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);
}
