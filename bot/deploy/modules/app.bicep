// App Service on Linux running the bot (.NET 10) under the user-assigned identity, HTTPS only, reaching PostgreSQL
// through VNet integration; secrets arrive as Key Vault references resolved with the same identity.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param subnetId string
param appInsightsConnectionString string
param connectionStringSecretUri string
param dataProtectionCertificateUri string
param teamsAppId string
param admins array

@description('App Service plan SKU: Basic or above (VNet integration, Always On).')
param skuName string = 'P0v3'

var identitySettings = [
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identityClientId }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  // DefaultAzureCredential (Key Vault certificate) picks the user-assigned identity by its client id.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
]
var appSettings = [
  { name: 'Database__Provider', value: 'Postgres' }
  { name: 'ConnectionStrings__ParoleOnco', value: '@Microsoft.KeyVault(SecretUri=${connectionStringSecretUri})' }
  { name: 'DataProtection__KeyVaultCertificateUri', value: dataProtectionCertificateUri }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
]
var teamsAppSettings = empty(teamsAppId) ? [] : [{ name: 'Graph__TeamsAppId', value: teamsAppId }]
var adminSettings = [for (admin, i) in admins: { name: 'ParoleOnco__Admins__${i}', value: admin }]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: subnetId
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Only private addresses (PostgreSQL) go through the network; Teams, Graph, Key Vault and Application Insights
      // are reached directly, so the subnet needs no NAT gateway for outbound internet.
      vnetRouteAllEnabled: false
      healthCheckPath: '/healthz'
      appSettings: concat(identitySettings, appSettings, teamsAppSettings, adminSettings)
    }
  }
}

// Deployments go through Entra sign-in, never basic publishing credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output hostName string = app.properties.defaultHostName
