using System;
using System.IO;

namespace S3Audit.TestSupport
{
    /// <summary>Files of the repository the tests run from (found by walking up to S3Audit.sln).</summary>
    public static class RepoPaths
    {
        public static string Root
        {
            get
            {
                for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "S3Audit.sln")))
                    {
                        return dir.FullName;
                    }
                }

                throw new InvalidOperationException($"S3Audit.sln was not found above {AppContext.BaseDirectory}.");
            }
        }

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
