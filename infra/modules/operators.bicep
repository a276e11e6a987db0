@description('Object ids of the operators (people or groups).')
param principalIds array

@description('What those object ids are: User or Group.')
param principalType string

@description('Storage account of the SLA tables.')
param storageName string

@description('Storage account of the nightly backups.')
param backupStorageName string

@description('The backups\' blob container.')
param backupContainerName string

@description('Service Bus namespace.')
param serviceBusName string

@description('The topic announcements go to.')
param topicName string

// Shared keys are off everywhere: an operator's CLI (backup, restore, quarantine, alerts) signs in with az login and
// needs these data-plane roles, which no control-plane role (Owner, Contributor) carries.
var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

resource backupAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: backupStorageName
}

resource backupBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: backupAccount
  name: 'default'
}

resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: backupBlobs
  name: backupContainerName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusName
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' existing = {
  parent: serviceBus
  name: topicName
}

resource tables 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for id in principalIds: {
    scope: storage
    name: guid(storage.id, id, roles.storageTableDataContributor)
    properties: {
      principalId: id
      principalType: principalType
      roleDefinitionId: subscriptionResourceId(
        'Microsoft.Authorization/roleDefinitions',
        roles.storageTableDataContributor
      )
    }
  }
]

resource backups 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for id in principalIds: {
    scope: backupContainer
    name: guid(backupContainer.id, id, roles.storageBlobDataContributor)
    properties: {
      principalId: id
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    }
  }
]

resource announcements 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for id in principalIds: {
    scope: topic
    name: guid(topic.id, id, roles.serviceBusDataReceiver)
    properties: {
      principalId: id
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    }
  }
]
