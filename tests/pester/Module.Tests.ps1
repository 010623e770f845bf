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
        # Force the engine to load: open a session against an endpoint that is never reached.
        Get-S3AuditAcl -BucketName 'x' -EndpointUrl 'http://127.0.0.1:1' -AccessKey 'a' -SecretKey (ConvertTo-SecureString 'b' -AsPlainText -Force) -ErrorAction SilentlyContinue
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
