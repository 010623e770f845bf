namespace S3Audit.Engine.Pipeline
{
    /// <summary>Progress of one activity; <see cref="Completed"/> closes the bar.</summary>
    public sealed class AuditProgress
    {
        /// <summary>Creates a progress report.</summary>
        public AuditProgress(int activityId, string activity, string status, int percentComplete = -1, bool completed = false)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        /// <summary>Identifies the bar.</summary>
        public int ActivityId { get; }
        /// <summary>What is being done.</summary>
        public string Activity { get; }
        /// <summary>Counts so far.</summary>
        public string Status { get; }
        /// <summary>0 to 100, or -1 when unknown.</summary>
        public int PercentComplete { get; }
        /// <summary>True on the last report of an activity.</summary>
        public bool Completed { get; }
    }
}
