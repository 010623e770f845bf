BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $script:cmdlets = (Get-Module S3Audit).ExportedCmdlets.Keys | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $script:manifest = Test-ModuleManifest (Get-S3AuditManifestPath)
}

Describe 'S3Audit module' -Tag 'CI' {
    It 'passes Test-ModuleManifest with a filled-in version' {
        $manifest.Version | Should -Not -BeNullOrEmpty
        $manifest.Version.ToString() | Should -Match '^\d+\.\d+\.\d+'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $listed = (Import-PowerShellDataFile (Get-S3AuditManifestPath)).CmdletsToExport
        @((Get-Module S3Audit).ExportedCmdlets.Keys) | Sort-Object | Should -Be ($listed | Sort-Object)
    }

    It '<Name> uses an approved verb' -TestCases $cmdlets {
        param($Name)
        (Get-Verb).Verb | Should -Contain ($Name -split '-')[0]
    }

    It '<Name> declares an output type' -TestCases $cmdlets {
        param($Name)
        (Get-Command $Name).OutputType | Should -Not -BeNullOrEmpty
    }

    It '<Name> has the common connection parameters when it talks to storage' -TestCases $cmdlets {
        param($Name)
        $command = Get-Command $Name
        if ($command.Parameters.ContainsKey('EndpointUrl')) {
            foreach ($p in 'ProfileName', 'ProfileLocation', 'Region', 'ForcePathStyle', 'AccessKey', 'SecretKey', 'SessionToken', 'Credential', 'Provider') {
                $command.Parameters.Keys | Should -Contain $p
            }
            $command.Parameters['SecretKey'].ParameterType | Should -Be ([securestring])
            $command.Parameters['Credential'].ParameterType | Should -Be ([pscredential])
        }
    }

    It 'loads the engine and AWSSDK from Dependencies (into its own load context on PowerShell 7)' {
        # Force the engine to load: open a session against an endpoint that is never reached (one EndpointUnreachable).
        try { Get-S3AuditAcl -BucketName 'x' -EndpointUrl 'http://127.0.0.1:1' -AccessKey 'a' -SecretKey (ConvertTo-SecureString 'b' -AsPlainText -Force) } catch { $_.FullyQualifiedErrorId | Should -BeLike 'EndpointUnreachable,*' }
        $dependencies = Join-Path (Get-Module S3Audit).ModuleBase 'Dependencies'
        $loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'S3Audit.Engine', 'AWSSDK.S3' }
        $loaded | Should -HaveCount 2
        foreach ($assembly in $loaded) {
            $assembly.Location | Should -BeLike "$dependencies*"
            if ($PSVersionTable.PSEdition -eq 'Core') {
                [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'S3Audit'
            }
        }
    }
}

# A binary module is never unloaded: re-import runs OnRemove and OnImport again in the same process. Each case starts
# from a fresh PowerShell and calls cmdlets that need the engine (from the private load context) after the re-import.
Describe 'S3Audit re-import' -Tag 'CI' {
    BeforeAll {
        $manifest = (Resolve-Path (Get-S3AuditManifestPath)).Path
        $logs = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/logs')).Path
        $probe = "(Get-S3AuditLogEntry -Path '$logs' | Measure-Object).Count; (New-S3ReadOnlyLogPolicy -BucketName access-logs).BucketName"
    }

    It 'keeps every cmdlet working after Import-Module -Force, three times' {
        $output = Invoke-ChildPowerShell "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; 1..3 | ForEach-Object { Import-Module '$manifest' -Force }; $probe"
        [int]$output[0] | Should -BeGreaterThan 10
        $output[1] | Should -Be 'access-logs'
    }

    It 'keeps every cmdlet working after Remove-Module and Import-Module, used before and after' {
        $output = Invoke-ChildPowerShell "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; $probe; Remove-Module S3Audit; Import-Module '$manifest'; $probe"
        $output[0] | Should -Be $output[2]
        $output[3] | Should -Be 'access-logs'
    }

    It 'keeps working in a second runspace of the same process, and after that runspace removes the module' {
        $output = Invoke-ChildPowerShell @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
`$ps = [powershell]::Create()
`$null = `$ps.AddScript("Import-Module '$manifest'; $($probe -replace '"', '`"'); Remove-Module S3Audit")
`$ps.Invoke()
if (`$ps.HadErrors) { throw `$ps.Streams.Error[0] }
`$ps.Dispose()
$probe
"@
        $output | Should -HaveCount 4
        $output[0] | Should -Be $output[2]
        $output[1], $output[3] | Should -Be 'access-logs', 'access-logs'
    }
}
