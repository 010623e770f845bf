using System;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace S3Audit.Engine.Lyve
{
    /// <summary>
    /// DateTimeOffset in the settings file as one ISO 8601 scalar (2026-11-14T02:00:00.0000000+00:00). YamlDotNet would
    /// otherwise write every property of the struct and read none back. Files written that way are still read, from
    /// their utcDateTime entry.
    /// </summary>
    internal sealed class DateTimeOffsetYaml : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            if (parser.TryConsume(out Scalar? scalar))
            {
                return string.IsNullOrEmpty(scalar.Value) && type == typeof(DateTimeOffset?) ? null : (object)Parse(scalar.Value, scalar.Start);
            }

            // The property dump of earlier versions: a mapping whose utcDateTime says when.
            Mark start = parser.Current?.Start ?? Mark.Empty;
            parser.Consume<MappingStart>();
            DateTimeOffset? found = null;
            while (!parser.TryConsume(out MappingEnd _))
            {
                string key = parser.Consume<Scalar>().Value;
                if (key == "utcDateTime" && parser.TryConsume(out Scalar? value))
                {
                    found = Parse(value.Value, value.Start);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }

            return found ?? throw new YamlException(start, start, "expected a date and time such as 2026-11-14T02:00:00+00:00");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(value is DateTimeOffset time ? time.ToString("o", CultureInfo.InvariantCulture) : string.Empty));

        private static DateTimeOffset Parse(string text, Mark at) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset time)
                ? time
                : throw new YamlException(at, at, $"'{text}' is not a date and time such as 2026-11-14T02:00:00+00:00");
    }
}
