namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// What an access-logging change would write for one source bucket, worked out from reads only: the part
    /// <see cref="EnableLoggingPlan"/> and <see cref="DisableLoggingPlan"/> share. Show <see cref="Preview"/> for -WhatIf.
    /// </summary>
    public abstract class LoggingPlan
    {
        private string? _preview;

        internal LoggingPlan(S3Provider provider, CurrentLogging current)
        {
            Provider = provider;
            Current = current;
        }

        /// <summary>The provider.</summary>
        public S3Provider Provider { get; }
        /// <summary>The target's policy before (null: no policy).</summary>
        public string? PolicyBefore => PolicyChange?.Before;
        /// <summary>The target's policy to write; null with <see cref="PolicyChanges"/> means the policy is deleted.</summary>
        public string? PolicyAfter => PolicyChange?.After;
        /// <summary>True when the target's bucket policy would be written or deleted.</summary>
        public bool PolicyChanges => PolicyChange?.Changed == true;
        /// <summary>True when the permission on the target would be written.</summary>
        public virtual bool PermissionChanges => PolicyChanges;
        /// <summary>True when the source's logging configuration would be written.</summary>
        public abstract bool LoggingChanges { get; }
        /// <summary>True when anything at all would be written.</summary>
        public bool HasChanges => PermissionChanges || LoggingChanges;
        /// <summary>The source's logging before, as target/prefix (key format); empty when it was off.</summary>
        public string PreviousTarget => Current.Describe();

        internal CurrentLogging Current { get; }
        /// <summary>The change to the target's policy; null when the policy is not touched.</summary>
        internal TargetPolicyChange? PolicyChange { get; set; }

        /// <summary>The changes as text, with the policy diff.</summary>
        /// <remarks>Built once: the plan does not change after PlanAsync returns, and the diff parses both policies.</remarks>
        public string Preview() => _preview ??= BuildPreview();

        /// <summary>The result row for this plan with the given action.</summary>
        public S3AccessLoggingResult Result(S3AccessLoggingAction action)
        {
            S3AccessLoggingResult row = Row();
            row.Action = action;
            row.PermissionChanged = action != S3AccessLoggingAction.WhatIf && PermissionChanges;
            row.LoggingChanged = action != S3AccessLoggingAction.WhatIf && LoggingChanges;
            row.PreviousTarget = PreviousTarget;
            row.Provider = Provider;
            return row;
        }

        /// <summary>Builds the text <see cref="Preview"/> returns.</summary>
        private protected abstract string BuildPreview();

        /// <summary>The result row's bucket, target, prefix, key format and permission method.</summary>
        private protected abstract S3AccessLoggingResult Row();
    }
}
