using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// The time a log object's key carries, for every known layout: AWS simple prefix
    /// (<c>prefix2026-11-20-10-15-42-UNIQUE</c>), AWS partitioned prefix (<c>…/bucket/2026/11/20/2026-11-20-…</c>),
    /// Lyve (<c>S3-bucket-2026-11-20-10-15-00.gz</c>, <c>IAM-…</c>, <c>console-…</c>) and CloudTrail
    /// (<c>…/CloudTrail/region/2026/11/20/…json.gz</c>). The stem is the key text before the time: keys of one stem
    /// sort by time, which is what lets a listing jump over time ranges with StartAfter.
    /// </summary>
    public sealed class LogKeyTime
    {
        private static readonly Regex DayFolder = new Regex(@"(?:^|/)(\d{4})/(\d{2})/(\d{2})/", RegexOptions.CultureInvariant);
        private static readonly Regex Stamp = new Regex(@"(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})", RegexOptions.CultureInvariant);

        private LogKeyTime(string stem, DateTimeOffset low, DateTimeOffset high, bool dayFolder)
        {
            Stem = stem;
            Low = low;
            High = high;
            IsDayFolder = dayFolder;
        }

        /// <summary>The key text before the time.</summary>
        public string Stem { get; }
        /// <summary>Start of the time the key names (the day for a date folder).</summary>
        public DateTimeOffset Low { get; }
        /// <summary>End of it (the end of the day for a date folder; the same as <see cref="Low"/> for a timestamp).</summary>
        public DateTimeOffset High { get; }
        /// <summary>True for yyyy/MM/dd/ folders.</summary>
        public bool IsDayFolder { get; }

        /// <summary>The time in <paramref name="key"/>, or null when the key has none of the known layouts.</summary>
        public static LogKeyTime? Parse(string key)
        {
            Match day = DayFolder.Match(key);
            Match stamp = Stamp.Match(key);
            if (day.Success && (!stamp.Success || day.Index < stamp.Index) && TryDate(day, out DateTimeOffset d))
            {
                int stemEnd = day.Groups[1].Index;
                return new LogKeyTime(key.Substring(0, stemEnd), d, d.AddDays(1).AddTicks(-1), true);
            }

            if (stamp.Success && TryStamp(stamp, out DateTimeOffset t))
            {
                return new LogKeyTime(key.Substring(0, stamp.Index), t, t, false);
            }

            return null;
        }

        /// <summary>The StartAfter value that skips every key of this stem before <paramref name="time"/>.</summary>
        public string StartAfterFor(DateTimeOffset time) =>
            Stem + (IsDayFolder ? time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)
                                : time.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture));

        /// <summary>The StartAfter value that skips every remaining dated key of this stem.</summary>
        public string StartAfterEnd() => Stem + (IsDayFolder ? "9999/" : "9999-");

        private static bool TryDate(Match m, out DateTimeOffset value)
        {
            value = default;
            int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
            {
                return false;
            }

            value = new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero);
            return true;
        }

        private static bool TryStamp(Match m, out DateTimeOffset value)
        {
            value = default;
            if (!TryDate(m, out DateTimeOffset day))
            {
                return false;
            }

            int h = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), mi = int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture), s = int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture);
            if (h > 23 || mi > 59 || s > 59)
            {
                return false;
            }

            value = day.AddHours(h).AddMinutes(mi).AddSeconds(s);
            return true;
        }
    }
}
