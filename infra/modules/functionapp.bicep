@description('Function App name.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource (the app\'s also carry azd-service-name).')
param tags object

@description('The user-assigned managed identity the app runs as.')
param identityId string

@description('Its client id, for identity-based connections.')
param identityClientId string

@description('Storage account of the host, the deployment package, the inbound queue and the SLA tables.')
param storageName string

@description('Blob endpoint of that account.')
param blobEndpoint string

@description('Table endpoint of that account.')
param tableEndpoint string

@description('Blob container the app package is deployed from.')
param deploymentContainerName string

@description('Service Bus namespace host (NAME.servicebus.windows.net).')
param serviceBusNamespace string

@description('Application Insights connection string (not a secret: ingestion needs the identity).')
param insightsConnectionString string

@description('Largest number of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Key Vault secret URIs, referenced from app settings.')
param secretUris object

@description('Log Analytics workspace the app\'s logs go to.')
param workspaceId string

@description('Settings that are not secrets: chat format, mailbox, SMTP, recipients, webhook, schedules.')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var keyVaultReference = 'Microsoft.KeyVault(SecretUri={0})'

// A Key Vault reference, or empty for an optional secret that was not given.
func secretSetting(reference string, uri string) string => empty(uri) ? '' : '@${format(reference, uri)}'

// A WeChat account and a WeCom corp are settings under their names (WeChat__Accounts__<name>__…); one not given
// leaves its settings empty under the name "none", which the app does not count as an account.
var weChatPrefix = 'WeChat__Accounts__${empty(settings.weChatAccountName) ? 'none' : settings.weChatAccountName}__'
var weComPrefix = 'WeCom__Accounts__${empty(settings.weComAccountName) ? 'none' : settings.weComAccountName}__'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The .NET isolated worker on .NET 10 (Flex lists dotnet-isolated 10.0); on Flex the runtime is set here, not
      // by FUNCTIONS_WORKER_RUNTIME or linuxFxVersion.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // The host's own storage and the inbound queue (the queue trigger's connection), by identity.
        { name: 'AzureWebJobsStorage__accountName', value: storageName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // Every Azure client of the worker signs in with DefaultAzureCredential, which picks the identity by this.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
        // Local authentication is off: the host signs its telemetry with this; the worker's exporter, seeing
        // Authorization=AAD here, signs with the identity too.
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'SlaWatch__Storage', value: tableEndpoint }
        { name: 'SlaWatch__TablePrefix', value: settings.tablePrefix }
        { name: 'SlaWatch__DueShards', value: string(settings.dueShards) }
        { name: 'SlaWatch__PolicyFile', value: 'config/sla-policy.json' }
        { name: 'SlaWatch__RulesFile', value: 'config/classification.json' }
        { name: 'SlaWatch__PolicyArchive', value: 'config/policies' }
        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: serviceBusNamespace }
        { name: 'Chat__Format', value: settings.chatFormat }
        { name: 'Chat__Secret', value: '@${format(keyVaultReference, secretUris.chatSecret)}' }
        { name: 'Phone__Secret', value: secretSetting(keyVaultReference, secretUris.phoneSecret) }
        { name: 'Mail__ImapHost', value: settings.imapHost }
        // Without a mailbox the poll has nothing to do: the host does not start its timer at all.
        { name: 'AzureWebJobs.MailboxPoll.Disabled', value: empty(settings.imapHost) ? 'true' : 'false' }
        { name: 'Mail__ImapPort', value: string(settings.imapPort) }
        { name: 'Mail__User', value: settings.mailUser }
        { name: 'Mail__Password', value: secretSetting(keyVaultReference, secretUris.mailPassword) }
        { name: 'Mail__SupportAddress', value: settings.supportAddress }
        { name: 'Mail__SmtpHost', value: settings.smtpHost }
        { name: 'Mail__SmtpPort', value: string(settings.smtpPort) }
        { name: 'Mail__SmtpUser', value: settings.smtpUser }
        { name: 'Mail__SmtpPassword', value: secretSetting(keyVaultReference, secretUris.smtpPassword) }
        { name: 'Mail__AllowPlaintext', value: 'false' }
        { name: 'Mail__ResolveMarkers', value: '#已解决,#resolved' }
        { name: 'Notify__WebhookUrl', value: settings.notifyWebhookUrl }
        { name: 'Notify__WebhookSecret', value: secretSetting(keyVaultReference, secretUris.notifySecret) }
        { name: 'Report__Recipients', value: settings.reportRecipients }
        { name: 'Report__Language', value: settings.reportLanguage }
        { name: 'MAILBOX_POLL_SCHEDULE', value: settings.mailboxPollSchedule }
        { name: 'SLA_SCAN_SCHEDULE', value: settings.slaScanSchedule }
        { name: 'DAILY_REPORT_SCHEDULE', value: settings.dailyReportSchedule }
        { name: 'BACKUP_SCHEDULE', value: settings.backupSchedule }
        { name: 'QUARANTINE_RETENTION_SCHEDULE', value: settings.quarantineRetentionSchedule }
        { name: 'Quarantine__RetentionDays', value: string(settings.quarantineRetentionDays) }
        { name: 'Board__RefreshSeconds', value: string(settings.boardRefreshSeconds) }
        { name: 'Backup__ContainerUrl', value: settings.backupContainerUrl }
        // The sign-in's client secret, by the name authsettingsV2 below gives App Service Authentication.
        {
          name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
          value: secretSetting(keyVaultReference, secretUris.entraClientSecret)
        }
        { name: '${weChatPrefix}Token', value: secretSetting(keyVaultReference, secretUris.weChatToken) }
        {
          name: '${weChatPrefix}EncodingAesKey'
          value: secretSetting(keyVaultReference, secretUris.weChatEncodingAesKey)
        }
        { name: '${weChatPrefix}AppId', value: settings.weChatAppId }
        { name: 'Alerts__WorkbenchUrl', value: settings.alertWorkbenchUrl }
        // The alert routes the deployment names (docs/alerts.md); one not given is empty, which the app skips.
        {
          name: 'Alerts__Routes__wecomrobot__Kind'
          value: empty(secretUris.alertWeComRobotUrl) ? '' : 'wecom'
        }
        {
          name: 'Alerts__Routes__wecomrobot__Url'
          value: secretSetting(keyVaultReference, secretUris.alertWeComRobotUrl)
        }
        {
          name: 'Alerts__Routes__dingtalkrobot__Kind'
          value: empty(secretUris.alertDingTalkRobotUrl) ? '' : 'dingtalk'
        }
        {
          name: 'Alerts__Routes__dingtalkrobot__Url'
          value: secretSetting(keyVaultReference, secretUris.alertDingTalkRobotUrl)
        }
        {
          name: 'Alerts__Routes__dingtalkrobot__Secret'
          value: secretSetting(keyVaultReference, secretUris.alertDingTalkSecret)
        }
        { name: '${weComPrefix}CorpId', value: settings.weComCorpId }
        { name: '${weComPrefix}Secret', value: secretSetting(keyVaultReference, secretUris.weComSecret) }
        { name: '${weComPrefix}Token', value: secretSetting(keyVaultReference, secretUris.weComToken) }
        {
          name: '${weComPrefix}EncodingAesKey'
          value: secretSetting(keyVaultReference, secretUris.weComEncodingAesKey)
        }
      ]
    }
  }
}

// People sign in with Entra through App Service Authentication, which then puts X-MS-CLIENT-PRINCIPAL on their
// requests and strips it from everyone else's. Anonymous requests still pass: the webhooks, the call logs and the
// function-key endpoints keep their own checks, and the workbench refuses a request without a person (401).
resource signIn 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(settings.entraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: settings.entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: ['api://${settings.entraClientId}']
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

// Deployment signs in with the identity (functionAppConfig.deployment): publishing with a user name and password, by
// FTP or to the SCM site, is off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// The functions' own logs to the workspace, beside the traces Application Insights keeps.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: app
  name: 'to-workspace'
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'FunctionAppLogs', enabled: true }
    ]
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
