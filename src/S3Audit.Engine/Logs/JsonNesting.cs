using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Follows the nesting of JSON text one byte at a time (strings and escapes respected), to find where a record
    /// ends without parsing it: a pretty-printed record over several lines, or several records on one line.
    /// </summary>
    internal struct JsonNesting
    {
        private bool _inString;
        private bool _escaped;

        /// <summary>Open objects and arrays.</summary>
        public int Depth { get; private set; }

        public void Reset()
        {
            Depth = 0;
            _inString = _escaped = false;
        }

        public void Feed(byte b)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == '\\')
                {
                    _escaped = true;
                }
                else if (b == '"')
                {
                    _inString = false;
                }
            }
            else if (b == '"')
            {
                _inString = true;
            }
            else if (b == '{' || b == '[')
            {
                Depth++;
            }
            else if (b == '}' || b == ']')
            {
                Depth--;
            }
        }

        /// <summary>
        /// The records of a line that holds several objects back to back ({...}{...}, as Ceph RGW's ops log file
        /// sometimes does when two requests end at once); null when it holds one (the common case costs one search).
        /// </summary>
        public static List<byte[]>? SplitRecords(ReadOnlySpan<byte> line)
        {
            // RGW joins records with nothing between them; a single search keeps the common case cheap.
            if (line.IndexOf("}{"u8) < 0)
            {
                return null;
            }

            var records = new List<byte[]>();
            var nesting = new JsonNesting();
            int start = -1;
            for (int i = 0; i < line.Length; i++)
            {
                byte b = line[i];
                if (start < 0)
                {
                    if (b == ' ' || b == '\t' || b == '\r')
                    {
                        continue;
                    }

                    start = i;
                }

                nesting.Feed(b);
                if (nesting.Depth == 0 && b == '}')
                {
                    records.Add(line.Slice(start, i + 1 - start).ToArray());
                    start = -1;
                }
            }

            if (start >= 0)
            {
                records.Add(line.Slice(start).ToArray()); // an unclosed tail: rejected as its own record
            }

            return records.Count > 1 ? records : null;
        }
    }
}
