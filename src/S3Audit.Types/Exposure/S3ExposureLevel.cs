namespace S3Audit
{
    /// <summary>How exposed a bucket (or a policy document) is, in AWS's sense of "public".</summary>
    public enum S3ExposureLevel
    {
        /// <summary>Anyone (or any account) can reach data now.</summary>
        Public,
        /// <summary>A public configuration exists but Block Public Access or Object Ownership hides it: removing that setting would expose it.</summary>
        Latent,
        /// <summary>Nothing public was found on any path that could be read.</summary>
        NotPublic,
        /// <summary>A path could not be read (or its masking setting could not), so public cannot be ruled out.</summary>
        Unknown,
    }
}
