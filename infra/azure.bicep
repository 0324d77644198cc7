// PeerCircle's Azure resources, deployed by `arm/deploy` in teamsapp.yml.
//
// PLACEHOLDER, kept small on purpose: an App Service plan with a Linux Node 20 web app, and a
// Storage account whose Table service holds all data. The deployment issue completes it with the
// Azure Bot resource (Teams channel, messaging endpoint), a managed identity with a Storage Table
// Data role assignment instead of the account key, and Application Insights.
//
// No Bicep compiler runs offline here: written against the documented resource API versions.

@description('Base name of every resource, e.g. peercircle-dev. Letters, digits and hyphens.')
@minLength(3)
@maxLength(30)
param resourceBaseName string

@description('Region of every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which the bot needs to answer within Teams\' time limits.')
param webAppSku string = 'B1'

@description('Environment name (TEAMSFX_ENV): selects env/.env.<name> inside the app.')
param teamsFxEnv string

@description('Client id of the tab\'s single sign-on app registration (aadApp/create).')
param aadAppClientId string

@description('Tenant ids allowed to use PeerCircle, comma-separated.')
param allowedTenants string

@description('Microsoft app id of the bot. Empty until the deployment issue adds the bot registration.')
param botAadAppClientId string = ''

@secure()
@description('Secret of the bot\'s app registration.')
param botAadAppClientSecret string = ''

// Web app names are global (<name>.azurewebsites.net), storage account names too (3-24 lower-case
// letters and digits): a stable hash of the resource group keeps them unique and repeatable.
var uniqueSuffix = uniqueString(resourceGroup().id)
var webAppName = '${resourceBaseName}-${take(uniqueSuffix, 6)}'
var storageAccountName = take(toLower(replace('${resourceBaseName}${uniqueSuffix}', '-', '')), 24)

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource serverFarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The server's entry point; production configuration fails fast if a setting is missing.
      appCommandLine: 'node dist/src/server/index.js'
    }
  }
}

resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    APP_MODE: 'production'
    TEAMSFX_ENV: teamsFxEnv
    // zipDeploy ships the built app (teamsapp.yml deploy builds it); no build on the server.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    ALLOWED_TENANTS: allowedTenants
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: botAadAppClientSecret
    // Placeholder until the managed identity replaces the account key (deployment issue).
    TABLES_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// arm/deploy writes these outputs to env/.env.<env> (names as given), for the manifest and deploy.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_DOMAIN string = webApp.properties.defaultHostName
