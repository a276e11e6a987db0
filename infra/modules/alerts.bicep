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

resource breaches 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${name}-breaches'
  location: location
  tags: tags
  properties: {
    displayName: 'SLA breaches above ${breachThreshold} in 15 minutes'
    description: 'The scanner announced more breaches than the threshold within 15 minutes (metric sla.breaches).'
    severity: 2
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "sla.breaches" | summarize breaches = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'breaches'
          operator: 'GreaterThan'
          threshold: breachThreshold
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

resource scanFailures 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${name}-scan-failures'
  location: location
  tags: tags
  properties: {
    displayName: 'SlaScan failed'
    description: 'An invocation of the SlaScan function failed: breaches may go unannounced.'
    severity: 1
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | where operation_Name == "SlaScan" and success == false | summarize failures = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failures'
          operator: 'GreaterThan'
          threshold: 0
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

resource poison 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${name}-inbound-poison'
  location: location
  tags: tags
  properties: {
    displayName: 'Inbound messages given up'
    description: 'Inbound messages failed their maximum dequeue count and were drained from inbound-poison into the quarantine: contacts that did not flow.'
    severity: 1
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | where operation_Name == "InboundPoison" | summarize drained = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'drained'
          operator: 'GreaterThan'
          threshold: 0
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

output actionGroupId string = group.id
