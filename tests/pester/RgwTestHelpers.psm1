# Shared by the Pester suites that arrange state on the test RGW and read its ops log (S3_OPS_LOG, exported by
# tests/run-tests.sh with the other S3_* variables). Arrangement goes through the AWS SDK the module ships, loaded
# into the default context apart from the module's own copy.

function Get-RgwClient {
    if (-not ($env:S3_ENDPOINT -and $env:S3_ACCESS_KEY -and $env:S3_SECRET_KEY -and $env:S3_OPS_LOG)) { throw 'The test S3 server is not available: start it with tests/server/s3-ceph.sh and export its s3.env.' }
    $dependencies = Join-Path $PSScriptRoot '../../out/S3Audit/Dependencies'
    foreach ($dll in 'AWSSDK.Core.dll', 'AWSSDK.S3.dll') { Add-Type -Path (Join-Path $dependencies $dll) -ErrorAction SilentlyContinue }
    $config = [Amazon.S3.AmazonS3Config]::new()
    $config.ServiceURL = $env:S3_ENDPOINT
    $config.ForcePathStyle = $true
    $config.AuthenticationRegion = 'us-east-1'
    [Amazon.S3.AmazonS3Client]::new([Amazon.Runtime.BasicAWSCredentials]::new($env:S3_ACCESS_KEY, $env:S3_SECRET_KEY), $config)
}

function New-RgwBucketName([string] $Prefix) { ($Prefix + '-' + [guid]::NewGuid().ToString('N')).Substring(0, $Prefix.Length + 17) }

function New-RgwBucket($Client, [string] $Prefix) {
    $name = New-RgwBucketName $Prefix
    $null = $Client.PutBucketAsync($name).GetAwaiter().GetResult()
    $name
}

function Get-RgwOpsLogLength { @(Get-Content $env:S3_OPS_LOG).Count }

# The write requests (PUT, POST, DELETE) radosgw logged for the buckets after line $Since, read once a sentinel
# request shows the log has caught up.
function Get-RgwWrite($Client, [int] $Since, [string[]] $Bucket) {
    $sentinel = 'sentinel-' + [guid]::NewGuid().ToString('N')
    $request = [Amazon.S3.Model.ListObjectsV2Request]@{ BucketName = $Bucket[0]; Prefix = $sentinel }
    $null = $Client.ListObjectsV2Async($request).GetAwaiter().GetResult()
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    do {
        $all = @(Get-Content $env:S3_OPS_LOG)
        $lines = @($all | Select-Object -Last ([Math]::Max(0, $all.Count - $Since)))
        if ($lines -match $sentinel) { break }
        Start-Sleep -Milliseconds 200
    } while ([datetime]::UtcNow -lt $deadline)
    if (-not ($lines -match $sentinel)) { throw "The sentinel request never reached $env:S3_OPS_LOG." }
    $lines | Where-Object { $_ -like '{*}' } | ForEach-Object { $_ | ConvertFrom-Json } |
        Where-Object { $_.bucket -in $Bucket -and $_.uri -match '^(PUT|POST|DELETE) ' }
}

Export-ModuleMember -Function Get-RgwClient, New-RgwBucketName, New-RgwBucket, Get-RgwOpsLogLength, Get-RgwWrite
