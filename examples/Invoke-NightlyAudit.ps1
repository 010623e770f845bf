<#
.SYNOPSIS
    Runs an S3Audit profile unattended (Task Scheduler, cron): compares with the previous report, logs a summary,
    and exits non-zero when open High or Critical findings exist.
.DESCRIPTION
    The newest JSON report in -ReportDirectory (default: reports/ next to the profile) is the baseline, so the log
    says what changed since the last run. The profile's own outputs write the new CSV/JSON reports atomically.

    Exit codes:
      0  no open High or Critical finding, every target audited completely
      1  open High or Critical findings (Result Fail, Status New, Unchanged or NotRechecked)
      2  no such finding, but at least one target was incomplete (unreachable, bad credentials, unreadable bucket)
      3  the run did not happen (module missing, invalid profile, unreadable baseline)
.EXAMPLE
    pwsh -NoProfile -File ./Invoke-NightlyAudit.ps1 -ConfigPath /etc/s3audit/audit.yml -LogPath /var/log/s3audit.log
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ConfigPath,

    [string] $ReportDirectory,

    [string] $LogPath,

    # A module name or the path of a built module folder (out/S3Audit).
    [string] $Module = 'S3Audit'
)

function Write-Log([string] $Message) {
    $line = '{0:u} {1}' -f (Get-Date).ToUniversalTime(), $Message
    Write-Output $line
    if ($LogPath) { Add-Content -LiteralPath $LogPath -Value $line }
}

try {
    Import-Module $Module -ErrorAction Stop
    $config = (Resolve-Path -LiteralPath $ConfigPath -ErrorAction Stop).ProviderPath
    if (-not $ReportDirectory) { $ReportDirectory = Join-Path (Split-Path $config -Parent) 'reports' }

    $arguments = @{ ConfigPath = $config; InformationVariable = 'information'; ErrorVariable = 'runErrors'; ErrorAction = 'Continue' }
    $baseline = Get-ChildItem -LiteralPath $ReportDirectory -Filter '*.json' -File -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime | Select-Object -Last 1
    if ($baseline) {
        $arguments.BaselinePath = $baseline.FullName
        Write-Log "Baseline: $($baseline.FullName)"
    }

    $findings = @(Invoke-S3Audit @arguments)
}
catch {
    Write-Log "S3Audit did not run: $($_.Exception.Message)"
    exit 3
}

$summary = ($information | Where-Object { $_.Tags -contains 'S3AuditSummary' } | Select-Object -Last 1).MessageData
foreach ($e in $runErrors) { Write-Log "ERROR $($e.FullyQualifiedErrorId): $($e.Exception.Message)" }
foreach ($f in $findings | Where-Object Status -in 'New', 'Resolved') {
    Write-Log ("{0,-8} {1,-8} {2}/{3} {4}.{5}: {6}" -f $f.Status, $f.Severity, $f.Target, $f.BucketName, $f.Check, $f.Rule, $f.Detail)
}
if ($summary) { Write-Log $summary.ToString() }

$open = @($findings | Where-Object { $_.Result -eq 'Fail' -and $_.Status -ne 'Resolved' -and $_.Severity -ge [S3Audit.S3AuditSeverity]::High })
if ($open.Count -gt 0) {
    Write-Log "$($open.Count) open High or Critical finding(s)."
    exit 1
}
if ($summary -and $summary.IncompleteTargets) {
    Write-Log "Incomplete target(s): $($summary.IncompleteTargets)"
    exit 2
}
exit 0
