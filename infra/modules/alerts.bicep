@description('Base name of the alert resources.')
param name string

@description('Azure region of the log alerts.')
param location string

@description('Tags for every resource.')
param tags object

@description('Application Insights the log alerts query.')
param insightsId string

@description('Who is told: an e-mail address.')
param alertEmail string

@description('Breaches announced within 15 minutes above which someone is told.')
@minValue(1)
param breachThreshold int

@description('Inputs quarantined within an hour, on one channel, above which someone is told.')
@minValue(1)
param quarantineThreshold int

@description('The Service Bus namespace whose dead-letter queues are watched.')
param serviceBusId string

@description('Dead-lettered messages (all subscriptions) above which someone is told.')
@minValue(1)
param deadLetterThreshold int

resource group 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'slawatch'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Every rule reads the app's own metrics (meter SlaWatch, exported to customMetrics): in OpenTelemetry mode the
// exporter fills `requests` for HTTP calls only, so a rule on `requests` would never see a timer or a queue. A metric
// row is one export interval (a minute) of one series: sum(valueSum) counts what a counter counted.
var logRules = [
  {
    key: 'breaches'
    displayName: 'SLA breaches above ${breachThreshold} in 15 minutes'
    description: 'The scanner announced more breaches than the threshold within 15 minutes (metric sla.breaches).'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics | where name == "sla.breaches" | summarize breaches = sum(valueSum)'
    measure: 'breaches'
    operator: 'GreaterThan'
    threshold: breachThreshold
    dimensions: []
  }
  {
    // Exported once a minute and ingested within a minute or two: three minutes without a finished scan is a scan
    // that stopped, not one that is late. The rule runs every minute over the last five and looks at three.
    key: 'scan-heartbeat'
    displayName: 'No SLA scan finished in 3 minutes'
    description: 'SlaScan runs every 30 seconds; none finished in 3 minutes: breaches are not being announced. Check the app is running and its latest SlaScan errors.'
    severity: 0
    frequency: 'PT1M'
    window: 'PT5M'
    query: 'customMetrics | where timestamp > ago(3m) | where name == "function.invocations" and tostring(customDimensions.function) == "SlaScan" and tostring(customDimensions.outcome) == "succeeded" | summarize scans = count()'
    measure: 'scans'
    operator: 'LessThan'
    threshold: 1
    dimensions: []
  }
  {
    key: 'function-failures'
    displayName: 'A function failed'
    description: 'An invocation threw (metric function.invocations, outcome failed); one alert per function. Queue messages are retried five times, then drained by InboundPoison.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics | where name == "function.invocations" and tostring(customDimensions.outcome) == "failed" | extend functionName = tostring(customDimensions.function) | summarize failures = sum(valueSum) by functionName'
    measure: 'failures'
    operator: 'GreaterThan'
    threshold: 0
    dimensions: [
      {
        name: 'functionName'
        operator: 'Include'
        values: [
          '*'
        ]
      }
    ]
  }
  {
    key: 'inbound-poison'
    displayName: 'Inbound messages given up'
    description: 'Inbound messages failed their maximum dequeue count and were drained from inbound-poison (each is an InboundPoison invocation): contacts that did not flow. slawatch quarantine list shows what was kept.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics | where name == "function.invocations" and tostring(customDimensions.function) == "InboundPoison" | summarize drained = sum(valueSum)'
    measure: 'drained'
    operator: 'GreaterThan'
    threshold: 0
    dimensions: []
  }
  {
    key: 'alerts-undelivered'
    displayName: 'Alerts reached no one'
    description: 'No route delivered an alert (metric alerts.undelivered): the people on duty were not told. slawatch alerts undelivered lists them; check the routes and the rota.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics | where name == "alerts.undelivered" | summarize undelivered = sum(valueSum)'
    measure: 'undelivered'
    operator: 'GreaterThan'
    threshold: 0
    dimensions: []
  }
  {
    key: 'quarantine-growth'
    displayName: 'Quarantine growing above ${quarantineThreshold} an hour'
    description: 'More inputs than the threshold were kept in one channel\'s quarantine within an hour (metric ingest.quarantined): a sender\'s format or secret may have changed. Review with slawatch quarantine list.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'customMetrics | where name == "ingest.quarantined" | extend channel = tostring(customDimensions.channel) | summarize quarantined = sum(valueSum) by channel'
    measure: 'quarantined'
    operator: 'GreaterThan'
    threshold: quarantineThreshold
    dimensions: [
      {
        name: 'channel'
        operator: 'Include'
        values: [
          '*'
        ]
      }
    ]
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in logRules: {
    name: 'alert-${name}-${rule.key}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      autoMitigate: true
      scopes: [
        insightsId
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Total'
            metricMeasureColumn: rule.measure
            dimensions: rule.dimensions
            operator: rule.operator
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          group.id
        ]
      }
    }
  }
]

// Any subscription a consumer adds dead-letters what it cannot take: someone must read those.
resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${name}-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'Dead-lettered messages on the sla-events subscriptions passed ${deadLetterThreshold}: a consumer is refusing announcements. Read them in the portal\'s Service Bus Explorer.'
    severity: 2
    enabled: true
    scopes: [
      serviceBusId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-letters'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          timeAggregation: 'Maximum'
          operator: 'GreaterThan'
          threshold: deadLetterThreshold
        }
      ]
    }
    actions: [
      {
        actionGroupId: group.id
      }
    ]
  }
}

output actionGroupId string = group.id
