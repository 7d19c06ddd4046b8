// ParoleOnco on Azure: one resource group holding the bot's identity, the Azure Bot, the App Service, PostgreSQL,
// Key Vault and Application Insights. Deploy with
//   az deployment group create -g RG -f bot/deploy/main.bicep -p bot/deploy/main.bicepparam
// then follow the README's "Deploy" for what a template cannot do (certificate, Graph consent, Teams app).

@description('Azure region of every regional resource. Health data stays in Canada.')
@allowed([
  'canadacentral'
  'canadaeast'
])
param location string = 'canadacentral'

@description('Short prefix of every resource name (letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'paroleonco'

@description('Name of the web app; its host name is the bot\'s messaging endpoint.')
param appName string = '${namePrefix}-${uniqueString(resourceGroup().id)}'

@description('Name of the Key Vault (3-24 characters, unique across Azure).')
@maxLength(24)
param keyVaultName string = 'kv${uniqueString(resourceGroup().id, namePrefix)}'

@description('Name the Data Protection certificate gets in Key Vault (created after deployment).')
param dataProtectionCertificateName string = 'dataprotection'

@description('PostgreSQL administrator login, also the bot\'s database user.')
param postgresAdministratorLogin string = 'paroleonco'

@secure()
@minLength(16)
@description('PostgreSQL administrator password; stored only in Key Vault (inside the connection string secret).')
param postgresAdministratorPassword string

@description('The Teams app\'s id (the manifest\'s id); empty: the bot\'s app id, as manifest/build.sh does by default.')
param teamsAppId string = ''

@description('Entra object ids of the program admins (ParoleOnco:Admins).')
param admins array = []

@description('Object id of whoever creates the Data Protection certificate; empty: assign Key Vault Certificates Officer by hand.')
param certificateOfficerPrincipalId string = ''

@description('App Service plan SKU: Basic or above (VNet integration, Always On).')
param appServiceSku string = 'P0v3'

param tags object = {
  application: 'ParoleOnco'
  dataClassification: 'health'
}

var postgresServerName = '${namePrefix}-pg-${uniqueString(resourceGroup().id)}'
var databaseName = 'paroleonco'
var identityName = '${namePrefix}-bot-identity'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${namePrefix}-logs'
    appInsightsName: '${namePrefix}-insights'
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: '${namePrefix}-vnet'
    location: location
    tags: tags
    postgresServerName: postgresServerName
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: postgresServerName
    location: location
    tags: tags
    databaseName: databaseName
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    delegatedSubnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  // The vault's role assignments read the identity by name.
  dependsOn: [
    identity
  ]
  params: {
    name: keyVaultName
    location: location
    tags: tags
    identityName: identityName
    certificateOfficerPrincipalId: certificateOfficerPrincipalId
    databaseConnectionString: 'Host=${postgres.outputs.fullyQualifiedDomainName};Database=${postgres.outputs.databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};SSL Mode=VerifyFull'
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    planName: '${namePrefix}-plan'
    appName: appName
    location: location
    tags: tags
    skuName: appServiceSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    subnetId: network.outputs.appSubnetId
    appInsightsConnectionString: monitoring.outputs.connectionString
    connectionStringSecretUri: keyVault.outputs.connectionStringSecretUri
    dataProtectionCertificateUri: '${keyVault.outputs.vaultUri}certificates/${dataProtectionCertificateName}'
    teamsAppId: teamsAppId
    admins: admins
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot'
    displayName: 'PAROLE-Onco'
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
  }
}

@description('MicrosoftAppId: the bot\'s app id, for manifest/build.sh.')
output botAppId string = identity.outputs.clientId

@description('Host name of the web app, for the manifest\'s validDomains.')
output appHostName string = app.outputs.hostName

output keyVaultName string = keyVaultName
output identityPrincipalId string = identity.outputs.principalId
