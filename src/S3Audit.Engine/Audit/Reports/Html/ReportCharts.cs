using System;
using System.Globalization;
using System.IO;
using System.Linq;
using S3Audit.Engine.Audit.Run;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>The report's two inline SVG charts: open findings by severity, and a bucket's logged requests per hour.</summary>
    internal static class ReportCharts
    {
        private const int MaxBars = 168;

        /// <summary>Horizontal bars, one per severity class of the run summary, each with its name and count as text.</summary>
        public static void SeverityBars(TextWriter w, FindingCounts counts)
        {
            var bars = new[]
            {
                (Name: "Critical", Css: "s5", Count: counts.Critical),
                (Name: "High", Css: "s4", Count: counts.High),
                (Name: "Medium", Css: "s3", Count: counts.Medium),
                (Name: "Low / Info", Css: "s2", Count: counts.Low),
                (Name: "Unknown", Css: "unk", Count: counts.Unknown),
            };
            const int LabelWidth = 84, BarWidth = 300, Row = 26;
            int max = Math.Max(1, bars.Max(b => b.Count));
            int width = LabelWidth + BarWidth + 70, height = bars.Length * Row + 4;
            string title = "Open findings by severity: " + string.Join(", ", bars.Select(b => $"{b.Name} {b.Count}"));
            w.Write($"<svg id=\"severity-chart\" role=\"img\" aria-labelledby=\"severity-title\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
            w.Write($"<title id=\"severity-title\">{HtmlEncoding.Text(title)}</title>");
            for (int i = 0; i < bars.Length; i++)
            {
                int y = i * Row + 4;
                int length = bars[i].Count == 0 ? 0 : Math.Max(2, BarWidth * bars[i].Count / max);
                w.Write($"<g data-severity=\"{bars[i].Name}\"><text x=\"0\" y=\"{y + 14}\">{HtmlEncoding.Text(bars[i].Name)}</text>");
                w.Write($"<rect class=\"{bars[i].Css}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"18\"/>");
                w.Write($"<text class=\"count\" x=\"{LabelWidth + length + 6}\" y=\"{y + 14}\">{bars[i].Count}</text></g>");
            }

            w.Write("</svg>");
        }

        /// <summary>
        /// Requests per hour over the window as bars, the error answers as darker bars inside them, each bar with a
        /// tooltip. A window longer than a week is drawn per day.
        /// </summary>
        public static void Activity(TextWriter w, S3AuditLogActivity activity, string id)
        {
            int hours = activity.RequestsPerHour.Length;
            int step = hours > MaxBars ? 24 : 1;
            int bars = Math.Max(1, (hours + step - 1) / step);
            int[] requests = Sum(activity.RequestsPerHour, step, bars), errors = Sum(activity.ErrorsPerHour, step, bars);
            int max = Math.Max(1, requests.Max());
            const int Left = 44, Top = 6, Plot = 64;
            double barWidth = Math.Min(480, Math.Max(200, bars * 8)) / (double)bars;
            int width = Left + (int)Math.Ceiling(bars * barWidth) + 8, height = Top + Plot + 22;
            string unit = step == 1 ? "hour" : "day";

            w.Write($"<svg role=\"img\" aria-labelledby=\"{id}-t\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
            w.Write($"<title id=\"{id}-t\">{HtmlEncoding.Text($"Requests per {unit} to {activity.BucketName}, largest {requests.Max()}")}</title>");
            w.Write($"<text x=\"0\" y=\"{Top + 10}\">{requests.Max()}</text><text x=\"0\" y=\"{Top + Plot}\">0</text>");
            w.Write($"<line x1=\"{Left - 2}\" y1=\"{Top + Plot}\" x2=\"{width - 4}\" y2=\"{Top + Plot}\" stroke=\"#595959\"/>");
            string bar = Number(Math.Max(1, barWidth - 1));
            for (int i = 0; i < bars; i++)
            {
                string x = Number(Left + i * barWidth);
                int h = requests[i] * Plot / max, e = errors[i] * Plot / max;
                DateTimeOffset from = activity.StartTime.AddHours(i * step).ToUniversalTime();
                string tip = $"{from.ToString(step == 1 ? "yyyy-MM-dd HH:00" : "yyyy-MM-dd", CultureInfo.InvariantCulture)} UTC: {requests[i]} request(s), {errors[i]} error(s)";
                w.Write($"<g><title>{tip}</title><rect class=\"rq\" x=\"{x}\" y=\"{Top + Plot - h}\" width=\"{bar}\" height=\"{h}\"/>");
                if (e > 0)
                {
                    w.Write($"<rect class=\"er\" x=\"{x}\" y=\"{Top + Plot - e}\" width=\"{bar}\" height=\"{e}\"/>");
                }

                w.Write("</g>");
            }

            w.Write($"<text x=\"{Left}\" y=\"{height - 4}\">{Time(activity.StartTime)}</text>");
            w.Write($"<text x=\"{width - 4}\" y=\"{height - 4}\" text-anchor=\"end\">{Time(activity.EndTime)}</text></svg>");
        }

        private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static int[] Sum(int[] perHour, int step, int bars)
        {
            var sums = new int[bars];
            for (int i = 0; i < perHour.Length && i / step < bars; i++)
            {
                sums[i / step] += perHour[i];
            }

            return sums;
        }
    }
}
