namespace S3Audit
{
    /// <summary>What Enable-S3AccessLogging or Disable-S3AccessLogging did to a bucket.</summary>
    public enum S3AccessLoggingAction
    {
        /// <summary>Logging was off and has been turned on.</summary>
        Enabled,
        /// <summary>Logging and the delivery permission were already as asked: nothing was written.</summary>
        AlreadyEnabled,
        /// <summary>Logging was on but something changed (the target, prefix, key format or the permission).</summary>
        Updated,
        /// <summary>-WhatIf (or a declined confirmation): nothing was written.</summary>
        WhatIf,
        /// <summary>Logging has been turned off.</summary>
        Disabled,
        /// <summary>Logging was already off and there was no permission to remove: nothing was written.</summary>
        AlreadyDisabled,
    }
}
