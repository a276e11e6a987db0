// Deployed into a resource group the operator names (azd's resource-group scope: docs/operations.md says how).
targetScope = 'resourceGroup'

@description('Environment name (azd sets it): part of every resource name.')
@minLength(2)
@maxLength(20)
param environmentName string

// The regions Flex Consumption ran in when this was written (az functionapp list-flexconsumption-locations is the
// authority): azd offers only these, so a region without Flex fails at the prompt, not half-way through.
@description('Azure region of every resource: one where the Flex Consumption plan runs.')
@metadata({ azd: { type: 'location' } })
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'japanwest'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
param location string

@description('E-mail address alerts go to.')
param alertEmail string

@description('Breaches announced within 15 minutes above which the alert fires.')
@minValue(1)
param breachAlertThreshold int = 20

@description('Inputs quarantined on one channel within an hour above which the alert fires.')
@minValue(1)
param quarantineAlertThreshold int = 20

@description('Dead-lettered messages on the sla-events subscriptions above which the alert fires.')
@minValue(1)
param deadLetterAlertThreshold int = 10

@description('Object ids of the operators (people or groups) given data-plane roles: Table Data Contributor on the data account, Blob Data Contributor on the backups\' container, Service Bus Data Receiver on sla-events. Comma-separated; empty: none.')
param operatorPrincipalIds string = ''

@description('What those object ids are: User or Group.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Largest number of instances the Flex Consumption plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Log Analytics retention in days.')
@minValue(30)
param logRetentionInDays int = 30

@description('The chat platform\'s webhook format: generic or chatwoot.')
@allowed([
  'generic'
  'chatwoot'
])
param chatFormat string = 'generic'

@description('The chat webhook\'s signing secret (kept in Key Vault).')
@secure()
param chatSecret string

@description('The secret the phone system signs its call-log uploads with (kept in Key Vault); empty: uploads refused.')
@secure()
param phoneSecret string = ''

@description('The support mailbox\'s IMAP server; empty turns mailbox polling off.')
param imapHost string = ''

@description('IMAP port.')
param imapPort int = 993

@description('The support mailbox\'s user name.')
param mailUser string = ''

@description('The support mailbox\'s password (kept in Key Vault).')
@secure()
param mailPassword string = ''

@description('The support address acknowledgements and reports are sent from.')
param supportAddress string = ''

@description('SMTP server for acknowledgements and report e-mail; empty sends none.')
param smtpHost string = ''

@description('SMTP port.')
param smtpPort int = 587

@description('SMTP user name.')
param smtpUser string = ''

@description('SMTP password (kept in Key Vault).')
@secure()
param smtpPassword string = ''

@description('Comma-separated recipients of the daily and weekly report e-mail.')
param reportRecipients string = ''

@description('Language of the mailed report.')
@allowed([
  'en'
  'zh-CN'
])
param reportLanguage string = 'en'

@description('URL SLA announcements are also posted to as signed JSON; empty posts none.')
param notifyWebhookUrl string = ''

@description('Secret that signs those posts (kept in Key Vault).')
@secure()
param notifySecret string = ''

@description('Client id of the Entra app registration people sign in with (App Service Authentication; app roles SlaWatch.Agent, SlaWatch.Lead, SlaWatch.Admin). Empty: no sign-in, and the workbench refuses everyone.')
param entraClientId string = ''

@description('That registration\'s client secret (kept in Key Vault); empty when no client id is given.')
@secure()
param entraClientSecret string = ''

@description('Name of the WeChat Official Account in its address (/api/wechat/<name>); empty: no WeChat account.')
param weChatAccountName string = ''

@description('The token set in the account\'s 服务器配置 (kept in Key Vault).')
@secure()
param weChatToken string = ''

@description('The account\'s EncodingAESKey for the compatible and safe modes (kept in Key Vault); empty: plaintext.')
@secure()
param weChatEncodingAesKey string = ''

@description('The account\'s AppID, checked on every sealed message (needed with an EncodingAESKey).')
param weChatAppId string = ''

@description('Name of the WeCom corp in its callback address (/api/wecom/<name>); empty: no WeCom.')
param weComAccountName string = ''

@description('The WeCom corp\'s CorpID.')
param weComCorpId string = ''

@description('The secret of the WeCom app allowed to call 微信客服 (kept in Key Vault).')
@secure()
param weComSecret string = ''

@description('The token of that app\'s callback (接收消息) settings (kept in Key Vault).')
@secure()
param weComToken string = ''

@description('The EncodingAESKey of that app\'s callback settings (kept in Key Vault).')
@secure()
param weComEncodingAesKey string = ''

@description('The address alert links open (a custom domain in front of the app); empty: the app\'s own host name.')
param alertWorkbenchUrl string = ''

@description('Address of the WeCom group robot alerts reach people through, route wecomrobot (its key is in it: kept in Key Vault); empty: none.')
@secure()
param alertWeComRobotUrl string = ''

@description('Address of the DingTalk robot alerts reach people through, route dingtalkrobot (its access token is in it: kept in Key Vault); empty: none.')
@secure()
param alertDingTalkRobotUrl string = ''

@description('The DingTalk robot\'s signing secret (加签, SEC…; kept in Key Vault); empty: the robot is not signed.')
@secure()
param alertDingTalkSecret string = ''

@description('Generation of the Key Vault\'s name. Purge protection keeps a deleted vault (and its name) for 30 days: after azd down, either recover it (az keyvault recover) and deploy again, or raise this to deploy a new vault.')
@minLength(1)
@maxLength(8)
param keyVaultGeneration string = '1'

@description('NCRONTAB (UTC) of the mailbox poll.')
param mailboxPollSchedule string = '0 */1 * * * *'

@description('NCRONTAB (UTC) of the SLA scan: every 30 s, so each announcement comes within 30 s of its instant plus the scan.')
param slaScanSchedule string = '*/30 * * * * *'

@description('NCRONTAB (UTC) of the daily report: 16:05 UTC is 00:05 in Asia/Shanghai, the default policy\'s zone.')
param dailyReportSchedule string = '0 5 16 * * *'

@description('NCRONTAB (UTC) of the nightly backup: 17:30 UTC is 01:30 in Asia/Shanghai, after the daily report.')
param backupSchedule string = '0 30 17 * * *'

@description('NCRONTAB (UTC) of the quarantine retention: 17:45 UTC, after the nightly backup.')
param quarantineRetentionSchedule string = '0 45 17 * * *'

@description('Days a quarantined input is kept for review and retry.')
@minValue(1)
@maxValue(3650)
param quarantineRetentionDays int = 90

@description('Prefix of the SLA tables\' names: empty, or the prefix a backup was restored under (slawatch restore --table-prefix) to run on it.')
@maxLength(20)
param tablePrefix string = ''

@description('Partitions per minute of the DueIndex: 1 for most; 16 for tens of millions of tickets a day whose targets start when the office opens (docs/capacity.md). Any count reads what another wrote.')
@minValue(1)
@maxValue(64)
param dueShards int = 1

@description('Seconds between the live board\'s refreshes.')
@minValue(5)
@maxValue(600)
param boardRefreshSeconds int = 30

@description('Redundancy of the backups\' storage account. Standard_LRS is offered in every region Flex Consumption runs in; choose Standard_ZRS, Standard_GRS or Standard_GZRS where the region offers it (not every Flex region has zones or a pair).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param backupRedundancy string = 'Standard_LRS'

@description('Days each nightly backup is kept.')
@minValue(7)
param backupRetentionDays int = 35

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var baseName = '${environmentName}-${suffix}'
var tags = {
  'azd-env-name': environmentName
  application: 'slawatch'
}
var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${take(replace(toLower(environmentName), '-', ''), 9)}${take(suffix, 13)}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    workspaceId: monitoring.outputs.workspaceId
  }
}

module backup 'modules/backup.bicep' = {
  name: 'backup'
  params: {
    name: 'stbk${take(replace(toLower(environmentName), '-', ''), 7)}${take(suffix, 13)}'
    location: location
    tags: tags
    containerName: 'backups'
    retentionDays: backupRetentionDays
    redundancy: backupRedundancy
    workspaceId: monitoring.outputs.workspaceId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    name: 'sb-${baseName}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv${take(replace(toLower(environmentName), '-', ''), 8)}${take(uniqueString(suffix, keyVaultGeneration), 13)}'
    location: location
    tags: tags
    chatSecret: chatSecret
    mailPassword: mailPassword
    smtpPassword: smtpPassword
    notifySecret: notifySecret
    phoneSecret: phoneSecret
    entraClientSecret: entraClientSecret
    weChatToken: weChatToken
    weChatEncodingAesKey: weChatEncodingAesKey
    weComSecret: weComSecret
    weComToken: weComToken
    weComEncodingAesKey: weComEncodingAesKey
    alertWeComRobotUrl: alertWeComRobotUrl
    alertDingTalkRobotUrl: alertDingTalkRobotUrl
    alertDingTalkSecret: alertDingTalkSecret
    alertWeComRobot: !empty(alertWeComRobotUrl)
    alertDingTalkRobot: !empty(alertDingTalkRobotUrl)
    alertDingTalkSigned: !empty(alertDingTalkRobotUrl) && !empty(alertDingTalkSecret)
    weChat: !empty(weChatAccountName)
    weChatSealed: !empty(weChatAccountName) && !empty(weChatEncodingAesKey)
    weCom: !empty(weComAccountName)
    signIn: !empty(entraClientId)
    mailbox: !empty(imapHost)
    smtpAuthentication: !empty(smtpUser)
    notifyWebhook: !empty(notifyWebhookUrl)
    phoneUploads: !empty(phoneSecret)
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageName: storage.outputs.name
    backupStorageName: backup.outputs.name
    backupContainerName: backup.outputs.containerName
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

module operators 'modules/operators.bicep' = {
  name: 'operators'
  params: {
    principalIds: filter(map(split(operatorPrincipalIds, ','), id => trim(id)), id => !empty(id))
    principalType: operatorPrincipalType
    storageName: storage.outputs.name
    backupStorageName: backup.outputs.name
    backupContainerName: backup.outputs.containerName
    serviceBusName: serviceBus.outputs.name
    topicName: serviceBus.outputs.topicName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [
    roles
  ]
  params: {
    name: 'func-${baseName}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    insightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    secretUris: {
      chatSecret: keyVault.outputs.chatSecretUri
      mailPassword: keyVault.outputs.mailboxSecretUri
      smtpPassword: keyVault.outputs.smtpSecretUri
      notifySecret: keyVault.outputs.notifySecretUri
      phoneSecret: keyVault.outputs.phoneSecretUri
      entraClientSecret: keyVault.outputs.entraSecretUri
      weChatToken: keyVault.outputs.weChatTokenUri
      weChatEncodingAesKey: keyVault.outputs.weChatAesKeyUri
      weComSecret: keyVault.outputs.weComSecretUri
      weComToken: keyVault.outputs.weComTokenUri
      weComEncodingAesKey: keyVault.outputs.weComAesKeyUri
      alertWeComRobotUrl: keyVault.outputs.alertWeComRobotUri
      alertDingTalkRobotUrl: keyVault.outputs.alertDingTalkRobotUri
      alertDingTalkSecret: keyVault.outputs.alertDingTalkSecretUri
    }
    settings: {
      entraClientId: entraClientId
      weChatAccountName: weChatAccountName
      weChatAppId: weChatAppId
      weComAccountName: weComAccountName
      weComCorpId: weComCorpId
      alertWorkbenchUrl: alertWorkbenchUrl
      chatFormat: chatFormat
      imapHost: imapHost
      imapPort: imapPort
      mailUser: mailUser
      supportAddress: supportAddress
      smtpHost: smtpHost
      smtpPort: smtpPort
      smtpUser: smtpUser
      reportRecipients: reportRecipients
      reportLanguage: reportLanguage
      notifyWebhookUrl: notifyWebhookUrl
      mailboxPollSchedule: mailboxPollSchedule
      slaScanSchedule: slaScanSchedule
      dailyReportSchedule: dailyReportSchedule
      backupSchedule: backupSchedule
      quarantineRetentionSchedule: quarantineRetentionSchedule
      quarantineRetentionDays: quarantineRetentionDays
      boardRefreshSeconds: boardRefreshSeconds
      tablePrefix: tablePrefix
      dueShards: dueShards
      backupContainerUrl: backup.outputs.containerUrl
    }
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: baseName
    location: location
    tags: tags
    insightsId: monitoring.outputs.insightsId
    alertEmail: alertEmail
    breachThreshold: breachAlertThreshold
    quarantineThreshold: quarantineAlertThreshold
    serviceBusId: serviceBus.outputs.id
    deadLetterThreshold: deadLetterAlertThreshold
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  params: {
    location: location
    tags: tags
    insightsId: monitoring.outputs.insightsId
    displayName: 'SlaWatch (${environmentName})'
  }
}

@description('The app\'s base URL; webhooks go to /api/channels/chat and /api/channels/phone with a function key.')
output SERVICE_FUNCTIONS_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_BACKUP_CONTAINER_URL string = backup.outputs.containerUrl
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.insightsName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
