// The Azure Bot: single tenant, authenticated as the user-assigned managed identity (no secret), Teams channel on.
param name string
param tags object
param identityId string
param identityClientId string
param messagingEndpoint string
param displayName string

@description('Entra tenant of the bot and of the people it talks to (single tenant).')
param tenantId string = tenant().tenantId

@allowed([
  'F0'
  'S1'
])
@description('F0 is free and enough for Teams, whose standard channel messages are not billed.')
param skuName string = 'F0'

// Bot Service registrations are global; messages pass through, nothing of ours is stored there.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}
