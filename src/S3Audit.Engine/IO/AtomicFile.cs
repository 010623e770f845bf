using System;
using System.IO;
using System.Text;

namespace S3Audit.Engine.IO
{
    /// <summary>Writes a file so that a reader sees either the old or the new content, never half of it.</summary>
    public static class AtomicFile
    {
        /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/>, then renames it into place.</summary>
        public static void WriteAllText(string path, string content) => Write(path, stream =>
        {
            byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
        });

        /// <summary>Lets <paramref name="write"/> fill a temporary file next to <paramref name="path"/>, then renames it into place.</summary>
        public static void Write(string path, Action<Stream> write)
        {
            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(directory);
            string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(full))
                {
                    File.Replace(temp, full, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temp, full);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
