namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Error ids raised by the cmdlet layer itself. Per-item errors from the engine carry their own stable ids
    /// (BucketNotFound, BucketAccessDenied, ObjectAccessDenied, BucketPatternNoMatch, ...). Never change a meaning.
    /// </summary>
    internal static class ErrorIds
    {
        public const string CredentialsNotFound = nameof(CredentialsNotFound);
        public const string InvalidEndpoint = nameof(InvalidEndpoint);
        public const string FeatureNotSupported = nameof(FeatureNotSupported);
        public const string InvalidArgument = nameof(InvalidArgument);
        public const string AuditConfigInvalid = nameof(AuditConfigInvalid);
        public const string AuditConfigNotFound = nameof(AuditConfigNotFound);
        public const string AuditConfigUnreadable = nameof(AuditConfigUnreadable);
        public const string BaselineNotFound = nameof(BaselineNotFound);
        public const string BaselineInvalid = nameof(BaselineInvalid);
        public const string ConfigFileExists = nameof(ConfigFileExists);
        public const string PolicyLintFailed = nameof(PolicyLintFailed);
        public const string PolicyDocumentInvalid = nameof(PolicyDocumentInvalid);
        public const string PolicyFileUnreadable = nameof(PolicyFileUnreadable);
        public const string LogPathNotFound = nameof(LogPathNotFound);
        public const string LyveTargetNotRecorded = nameof(LyveTargetNotRecorded);
        public const string InvalidReportInput = nameof(InvalidReportInput);
        public const string ReportInputNotFound = nameof(ReportInputNotFound);
        public const string ReportInputInvalid = nameof(ReportInputInvalid);
        public const string ReportFileExists = nameof(ReportFileExists);
        public const string ReportWriteFailed = nameof(ReportWriteFailed);
        public const string ProxyStartFailed = nameof(ProxyStartFailed);
        public const string ProxyNotFound = nameof(ProxyNotFound);
    }
}
