using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Exposure
{
    /// <summary>A finding and what it lets the public do.</summary>
    internal sealed class Cause
    {
        public Cause(S3ExposureFinding finding, PublicAccess access)
        {
            Finding = finding;
            Access = access;
        }

        public S3ExposureFinding Finding { get; }
        public PublicAccess Access { get; }
        /// <summary>Read and reported, but not a cause of exposure (a Deny, a fixed service principal).</summary>
        public bool Informational => Finding.Exposure == S3ExposureLevel.NotPublic;
    }

    /// <summary>Turns a bucket's findings into its one-row verdict.</summary>
    internal static class ExposureVerdict
    {
        /// <summary>Public beats Unknown beats Latent beats NotPublic: an unreadable path could hide anything.</summary>
        public static S3ExposureResult Build(string bucket, S3Provider provider, IReadOnlyList<Cause> causes, IReadOnlyList<string> notes,
            bool? viaAcl, bool? viaPolicy, bool? viaObjectAcl)
        {
            List<Cause> real = causes.Where(c => !c.Informational).ToList();
            S3ExposureLevel level = real.Any(c => c.Finding.Exposure == S3ExposureLevel.Public) ? S3ExposureLevel.Public
                : real.Any(c => c.Finding.Exposure == S3ExposureLevel.Unknown) ? S3ExposureLevel.Unknown
                : real.Any(c => c.Finding.Exposure == S3ExposureLevel.Latent) ? S3ExposureLevel.Latent
                : S3ExposureLevel.NotPublic;
            PublicAccess access = real.Where(c => c.Finding.Exposure == level).Aggregate(PublicAccess.None, (all, c) => all | c.Access);
            if (level == S3ExposureLevel.Unknown || level == S3ExposureLevel.NotPublic)
            {
                access = PublicAccess.None;
            }

            var reasons = real.Select(c => $"{c.Finding.Path}{(c.Finding.Key.Length > 0 ? " " + c.Finding.Key : string.Empty)}{(c.Finding.StatementId.Length > 0 ? " " + c.Finding.StatementId : string.Empty)}: {c.Finding.Why}").ToList();
            if (reasons.Count == 0)
            {
                reasons.Add("No public ACL grant or policy statement was found.");
            }

            reasons.AddRange(notes);
            return new S3ExposureResult
            {
                BucketName = bucket,
                Provider = provider,
                Exposure = level,
                PublicRead = Can(level, access, PublicAccess.Read),
                PublicWrite = Can(level, access, PublicAccess.Write),
                PublicList = Can(level, access, PublicAccess.List),
                ViaAcl = viaAcl,
                ViaPolicy = viaPolicy,
                ViaObjectAcl = viaObjectAcl,
                MaskedBy = string.Join("; ", real.Where(c => c.Finding.Exposure == S3ExposureLevel.Latent).Select(c => c.Finding.MaskedBy).Distinct()),
                Reasons = string.Join(" | ", reasons),
                FindingCount = real.Count,
            };
        }

        /// <summary>Null when the verdict is Unknown: an unread path may grant it.</summary>
        private static bool? Can(S3ExposureLevel level, PublicAccess access, PublicAccess what) =>
            level == S3ExposureLevel.Unknown ? (bool?)null : (access & what) != 0;

        /// <summary>
        /// The one definition of an exposure finding's severity (Test-S3PublicExposure -Detailed, Get-S3AuditBucket's
        /// PublicExposure and LatentExposure, Invoke-S3Audit's exposure rules): Critical when the public can write,
        /// High for other public access and for a path that could not be read (it may hide public access), Medium when
        /// latent, Info for an informational row.
        /// </summary>
        public static S3AuditSeverity Severity(S3ExposureLevel level, PublicAccess access) => level switch
        {
            S3ExposureLevel.Public => (access & PublicAccess.Write) != 0 ? S3AuditSeverity.Critical : S3AuditSeverity.High,
            S3ExposureLevel.Latent => S3AuditSeverity.Medium,
            S3ExposureLevel.Unknown => S3AuditSeverity.High,
            _ => S3AuditSeverity.Info,
        };

        /// <summary>A bucket's verdict as one severity: the worst of its causes at the verdict's level.</summary>
        public static S3AuditSeverity Severity(S3ExposureResult result) =>
            Severity(result.Exposure, result.PublicWrite == true ? PublicAccess.Write : PublicAccess.Read);
    }
}
