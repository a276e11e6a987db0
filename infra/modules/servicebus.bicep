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

// Message ids are announcement keys: a scan that sends again after a failure elsewhere is dropped here. Bounded: a
// consumer that stops reading fills at most 1 GB, and what no one read in 14 days is dropped, not dead-lettered.
// No subscription is made here: a topic without one keeps nothing; each consumer adds its own (docs/operations.md)
// with SQL filters on sys.Label (kind) or recipient, kind, level, channel, priority, metric.
resource events 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: 'sla-events'
  properties: {
    maxSizeInMegabytes: 1024
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
  }
}

output id string = namespace.id
output name string = namespace.name
output topicName string = events.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
