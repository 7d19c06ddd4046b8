using 'main.bicep'

// The password comes from the deployer's environment, never from the repository:
//   PAROLEONCO_PG_PASSWORD=$(openssl rand -base64 32) az deployment group create -g RG -f main.bicep -p main.bicepparam
param postgresAdministratorPassword = readEnvironmentVariable('PAROLEONCO_PG_PASSWORD')
param location = 'canadacentral'
param namePrefix = 'paroleonco'
param admins = []
