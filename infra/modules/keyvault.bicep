@description('Key Vault name.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Chat webhook signing secret.')
@secure()
param chatSecret string

@description('Support mailbox password (empty: mailbox polling off).')
@secure()
param mailPassword string

@description('SMTP password (empty: no SMTP authentication).')
@secure()
param smtpPassword string

@description('Secret that signs SLA notifications posted to a webhook.')
@secure()
param notifySecret string

@description('The secret the phone system signs its call logs with.')
@secure()
param phoneSecret string

@description('The Entra registration\'s client secret people sign in through (empty: no sign-in).')
@secure()
param entraClientSecret string

@description('The WeChat account\'s token (empty: no WeChat account).')
@secure()
param weChatToken string

@description('The WeChat account\'s EncodingAESKey (empty: plaintext mode).')
@secure()
param weChatEncodingAesKey string

@description('The WeCom app\'s secret (empty: no WeCom).')
@secure()
param weComSecret string

@description('The WeCom callback\'s token.')
@secure()
param weComToken string

@description('The WeCom callback\'s EncodingAESKey.')
@secure()
param weComEncodingAesKey string

@description('The WeCom group robot\'s address for alerts (empty: none).')
@secure()
param alertWeComRobotUrl string

@description('The DingTalk robot\'s address for alerts (empty: none).')
@secure()
param alertDingTalkRobotUrl string

@description('The DingTalk robot\'s signing secret.')
@secure()
param alertDingTalkSecret string

@description('Whether alerts go to a WeCom group robot (its address is then kept).')
param alertWeComRobot bool

@description('Whether alerts go to a DingTalk robot (its address is then kept).')
param alertDingTalkRobot bool

@description('Whether that robot is signed (its secret is then kept).')
param alertDingTalkSigned bool

@description('Whether a WeChat account is configured (its token is then kept).')
param weChat bool

@description('Whether that account seals its messages (its EncodingAESKey is then kept).')
param weChatSealed bool

@description('Whether a WeCom corp is configured (its secret, token and key are then kept).')
param weCom bool

@description('Whether people sign in through Entra (the registration\'s secret is then kept).')
param signIn bool

@description('Whether the mailbox is polled (its password is then kept).')
param mailbox bool

@description('Whether SMTP authenticates (its password is then kept).')
param smtpAuthentication bool

@description('Whether announcements are posted to a webhook (its secret is then kept).')
param notifyWebhook bool

@description('Whether call logs are uploaded (their signing secret is then kept).')
param phoneUploads bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource chat 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'chat-secret'
  properties: {
    value: chatSecret
  }
}

// Optional secrets exist only for the features in use: an unused feature leaves no empty secret behind.
resource mail 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (mailbox) {
  parent: vault
  name: 'mail-password'
  properties: {
    value: mailPassword
  }
}

resource smtp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (smtpAuthentication) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
  }
}

resource notify 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (notifyWebhook) {
  parent: vault
  name: 'notify-secret'
  properties: {
    value: notifySecret
  }
}

resource phone 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (phoneUploads) {
  parent: vault
  name: 'phone-secret'
  properties: {
    value: phoneSecret
  }
}

resource entra 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (signIn) {
  parent: vault
  name: 'entra-client-secret'
  properties: {
    value: entraClientSecret
  }
}

resource weChatTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (weChat) {
  parent: vault
  name: 'wechat-token'
  properties: {
    value: weChatToken
  }
}

resource weChatAesKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (weChatSealed) {
  parent: vault
  name: 'wechat-aes-key'
  properties: {
    value: weChatEncodingAesKey
  }
}

resource weComSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (weCom) {
  parent: vault
  name: 'wecom-secret'
  properties: {
    value: weComSecret
  }
}

resource weComTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (weCom) {
  parent: vault
  name: 'wecom-token'
  properties: {
    value: weComToken
  }
}

resource weComAesKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (weCom) {
  parent: vault
  name: 'wecom-aes-key'
  properties: {
    value: weComEncodingAesKey
  }
}

resource alertWeComRobotSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (alertWeComRobot) {
  parent: vault
  name: 'alert-wecom-robot-url'
  properties: {
    value: alertWeComRobotUrl
  }
}

resource alertDingTalkRobotSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (alertDingTalkRobot) {
  parent: vault
  name: 'alert-dingtalk-robot-url'
  properties: {
    value: alertDingTalkRobotUrl
  }
}

resource alertDingTalkSigning 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (alertDingTalkSigned) {
  parent: vault
  name: 'alert-dingtalk-secret'
  properties: {
    value: alertDingTalkSecret
  }
}

output id string = vault.id
output name string = vault.name
output chatSecretUri string = chat.properties.secretUri
@description('Empty when the mailbox is not polled.')
output mailboxSecretUri string = mailbox ? mail!.properties.secretUri : ''
@description('Empty when SMTP does not authenticate.')
output smtpSecretUri string = smtpAuthentication ? smtp!.properties.secretUri : ''
@description('Empty when people do not sign in through Entra.')
output entraSecretUri string = signIn ? entra!.properties.secretUri : ''
@description('Empty when no webhook is notified.')
output notifySecretUri string = notifyWebhook ? notify!.properties.secretUri : ''
output phoneSecretUri string = phoneUploads ? phone!.properties.secretUri : ''
@description('Empty when no WeChat account is configured.')
output weChatTokenUri string = weChat ? weChatTokenSecret!.properties.secretUri : ''
@description('Empty when the WeChat account does not seal its messages.')
output weChatAesKeyUri string = weChatSealed ? weChatAesKey!.properties.secretUri : ''
@description('Empty when no WeCom corp is configured.')
output weComSecretUri string = weCom ? weComSecretSecret!.properties.secretUri : ''
@description('Empty when no WeCom corp is configured.')
output weComTokenUri string = weCom ? weComTokenSecret!.properties.secretUri : ''
@description('Empty when no WeCom corp is configured.')
output weComAesKeyUri string = weCom ? weComAesKey!.properties.secretUri : ''
@description('Empty when alerts go to no WeCom group robot.')
output alertWeComRobotUri string = alertWeComRobot ? alertWeComRobotSecret!.properties.secretUri : ''
@description('Empty when alerts go to no DingTalk robot.')
output alertDingTalkRobotUri string = alertDingTalkRobot ? alertDingTalkRobotSecret!.properties.secretUri : ''
@description('Empty when the DingTalk robot is not signed.')
output alertDingTalkSecretUri string = alertDingTalkSigned ? alertDingTalkSigning!.properties.secretUri : ''
