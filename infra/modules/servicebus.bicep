@description('Service Bus namespace name.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

// Standard: topics and duplicate detection; keys off, Entra only. The app only sends here (inbound contacts are
// buffered on a Storage queue, which the isolated worker can trigger on).
resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

// Message ids are announcement keys: a scan that sends again after a failure elsewhere is dropped here.
resource events 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: 'sla-events'
  properties: {
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
  }
}

// Everything announced; add subscriptions with SQL filters on sys.Label (kind) or recipient, kind, level, channel,
// priority, metric.
resource all 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: events
  name: 'all-announcements'
  properties: {
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}

output id string = namespace.id
output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
