using System;
using System.Globalization;

namespace S3Audit.Engine.Logs
{
    /// <summary>Allocation-free number and time parsing over UTF-8 bytes, tolerant of what real logs contain.</summary>
    internal static class LogText
    {
        /// <summary><paramref name="s"/> without leading and trailing spaces and tabs.</summary>
        public static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> s)
        {
            int a = 0, b = s.Length;
            while (a < b && (s[a] == ' ' || s[a] == '\t'))
            {
                a++;
            }

            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
            {
                b--;
            }

            return s.Slice(a, b - a);
        }

        private static readonly string[] Months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        /// <summary>Leading digits as a number ("4ms" is 4); '-', empty or no digits is 0.</summary>
        public static long ParseLong(ReadOnlySpan<byte> s)
        {
            long value = 0;
            bool negative = s.Length > 0 && s[0] == (byte)'-';
            for (int i = negative ? 1 : 0; i < s.Length; i++)
            {
                int d = s[i] - '0';
                if ((uint)d > 9)
                {
                    break;
                }

                value = value * 10 + d;
            }

            return negative ? -value : value;
        }

        /// <summary>A decimal number with optional fraction and a unit suffix ignored; '-' or empty is 0.</summary>
        public static double ParseDouble(ReadOnlySpan<byte> s)
        {
            double value = 0;
            int i = 0;
            for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
            {
                value = value * 10 + (s[i] - '0');
            }

            if (i < s.Length && s[i] == (byte)'.')
            {
                double scale = 0.1;
                for (i++; i < s.Length && (uint)(s[i] - '0') <= 9; i++, scale /= 10)
                {
                    value += (s[i] - '0') * scale;
                }
            }

            return value;
        }

        /// <summary>A three-digit HTTP status, or 0.</summary>
        public static int ParseStatus(ReadOnlySpan<byte> s) => s.Length == 3 && IsDigits(s) ? (int)ParseLong(s) : 0;

        public static bool IsDigits(ReadOnlySpan<byte> s)
        {
            if (s.IsEmpty)
            {
                return false;
            }

            foreach (byte b in s)
            {
                if ((uint)(b - '0') > 9)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The AWS access-log time <c>06/Feb/2019:00:00:38 +0000</c> (without brackets), in UTC.</summary>
        public static bool TryParseAccessLogTime(ReadOnlySpan<byte> s, out DateTimeOffset time)
        {
            time = default;
            // dd/MMM/yyyy:HH:mm:ss +hhmm
            if (s.Length < 20 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':')
            {
                return false;
            }

            int month = MonthIndex(s.Slice(3, 3));
            if (month == 0 || !TwoDigits(s, 0, out int day) || !FourDigits(s, 7, out int year) || !TwoDigits(s, 12, out int hour) ||
                !TwoDigits(s, 15, out int minute) || !TwoDigits(s, 18, out int second))
            {
                return false;
            }

            TimeSpan offset = TimeSpan.Zero;
            if (s.Length >= 26 && s[20] == ' ' && (s[21] == '+' || s[21] == '-') && TwoDigits(s, 22, out int oh) && TwoDigits(s, 24, out int om))
            {
                offset = new TimeSpan(oh, om, 0);
                if (s[21] == '-')
                {
                    offset = -offset;
                }
            }

            return TryBuild(year, month, day, hour, minute, second, 0, offset, out time);
        }

        /// <summary>
        /// ISO 8601 / RFC 3339 with any number of fraction digits (beyond 7 truncated), 'Z', '+hh:mm', '+hhmm' or no offset (UTC).
        /// </summary>
        public static bool TryParseIsoTime(ReadOnlySpan<byte> s, out DateTimeOffset time)
        {
            time = default;
            if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
            {
                return false;
            }

            if (!FourDigits(s, 0, out int year) || !TwoDigits(s, 5, out int month) || !TwoDigits(s, 8, out int day) ||
                !TwoDigits(s, 11, out int hour) || !TwoDigits(s, 14, out int minute) || !TwoDigits(s, 17, out int second))
            {
                return false;
            }

            int i = 19;
            long ticks = 0;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                i++;
                int digits = 0;
                while (i < s.Length && (uint)(s[i] - '0') <= 9)
                {
                    if (digits < 7)
                    {
                        ticks = ticks * 10 + (s[i] - '0');
                    }

                    digits++;
                    i++;
                }

                for (int d = Math.Min(digits, 7); d < 7; d++)
                {
                    ticks *= 10;
                }
            }

            TimeSpan offset = TimeSpan.Zero;
            if (i < s.Length)
            {
                byte c = s[i];
                if (c == 'Z' || c == 'z')
                {
                    i++;
                }
                else if ((c == '+' || c == '-') && i + 3 <= s.Length && TwoDigits(s, i + 1, out int oh))
                {
                    int j = i + 3;
                    if (j < s.Length && s[j] == ':')
                    {
                        j++;
                    }

                    int om = 0;
                    if (j + 2 <= s.Length && TwoDigits(s, j, out om))
                    {
                        j += 2;
                    }

                    offset = new TimeSpan(oh, om, 0);
                    if (c == '-')
                    {
                        offset = -offset;
                    }

                    i = j;
                }
                else
                {
                    return false;
                }
            }

            if (i != s.Length)
            {
                return false;
            }

            if (!TryBuild(year, month, day, hour, minute, second, ticks, offset, out time))
            {
                return false;
            }

            return true;
        }

        /// <summary>Any other time text .NET understands (Lyve console logs), as UTC.</summary>
        public static bool TryParseLooseTime(string s, out DateTimeOffset time)
        {
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
            {
                time = time.ToUniversalTime();
                return true;
            }

            return false;
        }

        /// <summary>
        /// The access key id in a logged Authorization header: SigV4 "Credential=AKID/..." or SigV2 "AWS AKID:signature";
        /// empty when there is none. Nothing else of the header (the signature) is ever taken.
        /// </summary>
        public static ReadOnlySpan<byte> AccessKeyFromAuthorization(ReadOnlySpan<byte> header)
        {
            int at = header.IndexOf("Credential="u8);
            if (at >= 0)
            {
                ReadOnlySpan<byte> rest = header.Slice(at + "Credential=".Length);
                int end = rest.IndexOfAny((byte)'/', (byte)',', (byte)' ');
                return end > 0 ? rest.Slice(0, end) : default;
            }

            if (header.StartsWith("AWS "u8))
            {
                int colon = header.IndexOf((byte)':');
                return colon > 4 ? header.Slice(4, colon - 4) : default;
            }

            return default;
        }

        /// <summary>Decodes %XX once; keeps the text when it has no escapes or a broken one.</summary>
        public static string UrlDecodeOnce(string s)
        {
            if (s.IndexOf('%') < 0)
            {
                return s;
            }

            try
            {
                return Uri.UnescapeDataString(s);
            }
            catch (UriFormatException)
            {
                return s;
            }
        }

        private static bool TryBuild(int year, int month, int day, int hour, int minute, int second, long fractionTicks, TimeSpan offset, out DateTimeOffset time)
        {
            time = default;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
            {
                return false;
            }

            if (second == 60)
            {
                second = 59;
            }

            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
            DateTime utc = local - offset;
            if (utc < DateTime.MinValue.AddDays(1) || utc > DateTime.MaxValue.AddDays(-1))
            {
                return false;
            }

            time = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        private static int MonthIndex(ReadOnlySpan<byte> s)
        {
            for (int m = 0; m < 12; m++)
            {
                string name = Months[m];
                if ((s[0] | 0x20) == (name[0] | 0x20) && (s[1] | 0x20) == name[1] && (s[2] | 0x20) == name[2])
                {
                    return m + 1;
                }
            }

            return 0;
        }

        private static bool TwoDigits(ReadOnlySpan<byte> s, int at, out int value)
        {
            value = 0;
            if (at + 2 > s.Length || (uint)(s[at] - '0') > 9 || (uint)(s[at + 1] - '0') > 9)
            {
                return false;
            }

            value = (s[at] - '0') * 10 + (s[at + 1] - '0');
            return true;
        }

        private static bool FourDigits(ReadOnlySpan<byte> s, int at, out int value)
        {
            value = 0;
            if (!TwoDigits(s, at, out int hi) || !TwoDigits(s, at + 2, out int lo))
            {
                return false;
            }

            value = hi * 100 + lo;
            return true;
        }
    }
}
