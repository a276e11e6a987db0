@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Application Insights the workbook reads.')
param insightsId string

@description('Display name of the workbook.')
param displayName string

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(insightsId, 'slawatch-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: insightsId
    serializedData: loadTextContent('../workbook.json')
  }
}

output id string = workbook.id
