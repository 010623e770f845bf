using System;
using System.Globalization;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Times cut to a whole unit (an hour or a day, UTC) for grouping. The label of the last unit is kept, since
    /// entries mostly arrive in time order and one label then serves many entries.
    /// </summary>
    internal sealed class TimeBucket
    {
        private readonly long _unitTicks;
        private readonly string _format;
        private long _lastUnit = -1;
        private string _lastLabel = string.Empty;

        public TimeBucket(long unitTicks, string format)
        {
            _unitTicks = unitTicks;
            _format = format;
        }

        /// <summary>The start of the unit <paramref name="time"/> falls in, as UTC.</summary>
        public static DateTimeOffset Truncate(DateTimeOffset time, long unitTicks) =>
            new DateTimeOffset(time.UtcTicks / unitTicks * unitTicks, TimeSpan.Zero);

        /// <summary>The unit of <paramref name="time"/> written with the format, e.g. "2024-01-02 03:00".</summary>
        public string Label(DateTimeOffset time)
        {
            long unit = time.UtcTicks / _unitTicks;
            if (unit != _lastUnit)
            {
                _lastUnit = unit;
                _lastLabel = new DateTime(unit * _unitTicks, DateTimeKind.Utc).ToString(_format, CultureInfo.InvariantCulture);
            }

            return _lastLabel;
        }
    }
}
