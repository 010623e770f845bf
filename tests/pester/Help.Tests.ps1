# Pester 5. Get-Help for every exported cmdlet of the built module, and about_S3Audit.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-PowerShellDataFile (Get-S3AuditManifestPath)
    $cmdlets = $manifest.CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-S3AuditModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Get-Help <_>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $_ -Full
        $command = Get-Command $_ -Module S3Audit
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, Get-Help makes the synopsis from the syntax line, which starts with the name.
        $help.Synopsis | Should -Not -Match "^$([regex]::Escape($_))\s"
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameter = $help.Parameters.Parameter | Where-Object Name -eq $name
            $parameter | Should -Not -BeNullOrEmpty -Because "-$name needs help"
            ($parameter.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has at least two examples' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'about_S3Audit' {
    It 'explains providers, credentials and output types' {
        $about = Get-Help about_S3Audit | Out-String
        $about | Should -Match 'PROVIDERS'
        $about | Should -Match 'CREDENTIALS'
        $about | Should -Match 'S3Audit.S3AuditFinding'
    }
}
