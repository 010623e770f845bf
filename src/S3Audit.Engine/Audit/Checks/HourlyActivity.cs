using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>Counts a bucket's logged requests (and error answers) per hour of a window, the first hour starting at the window's start.</summary>
    internal static class HourlyActivity
    {
        public static S3AuditLogActivity Count(IEnumerable<S3AuditLogEntry> entries, DateTimeOffset start, DateTimeOffset end)
        {
            int hours = Math.Max(1, (int)Math.Ceiling((end - start).TotalHours));
            var activity = new S3AuditLogActivity { StartTime = start, EndTime = end, RequestsPerHour = new int[hours], ErrorsPerHour = new int[hours] };
            foreach (S3AuditLogEntry entry in entries)
            {
                // Entries come from the window already; a clock skew of the log writer must not fall off the ends.
                int hour = Math.Min(hours - 1, Math.Max(0, (int)Math.Floor((entry.Time - start).TotalHours)));
                activity.RequestsPerHour[hour]++;
                activity.Requests++;
                if (entry.HttpStatus >= 400)
                {
                    activity.ErrorsPerHour[hour]++;
                    activity.Errors++;
                }
            }

            return activity;
        }
    }
}
