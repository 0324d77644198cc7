// PeerCircle's Azure resources, deployed by `arm/deploy` in teamsapp.yml (Microsoft 365 Agents
// Toolkit convention: parameters in azure.parameters.json, outputs written to env/.env.<env>).
//
//   - a user-assigned managed identity: the bot's identity (BOT_TYPE=UserAssignedMsi, no secret)
//     and the web app's identity towards Storage (Storage Table Data Contributor, no account key);
//   - a Storage account whose Table service holds all of PeerCircle's data, shared keys disabled;
//   - an App Service plan and a Linux Node 20 web app (HTTPS only, TLS 1.2+, Always On);
//   - an Azure Bot with the Microsoft Teams channel, pointing at the web app's /api/messages;
//   - Application Insights on a Log Analytics workspace, which also receives the app's console
//     logs (JSON lines without message bodies or tokens).
//
// No Bicep compiler runs offline here (PLATFORM.md): written against current GA API versions and
// kept small. tests/unit/infraConsistency.test.ts checks it against the parameters file, the
// server's production configuration and the app manifest's placeholders.

@description('Base name of every resource, e.g. peercircle-dev. Letters, digits and hyphens.')
@minLength(3)
@maxLength(30)
param resourceBaseName string

@description('Region of every regional resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which the bot needs to answer within Teams\' time limits.')
param webAppSku string = 'B1'

@description('Azure Bot SKU: F0 (free) is enough for the Teams channel, which is not a premium channel.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Name shown for the bot in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'PeerCircle'

@description('Environment name (TEAMSFX_ENV): selects env/.env.<name> inside the app.')
param teamsFxEnv string

@description('Client id of the tab\'s single sign-on app registration (aadApp/create).')
param aadAppClientId string

@description('Tenant ids allowed to use PeerCircle, comma-separated.')
param allowedTenants string

@description('The Teams app id (manifest id), for deep links from cards into the app.')
param teamsAppId string

@description('Prefix of every table name, so several environments could share one account.')
param tablePrefix string = 'pc'

@description('Microsoft Graph for org context and Teams meetings: off until an admin has granted User.Read.All and Calendars.ReadWrite (application) to the app registration and added the managed identity as its federated credential (docs/admin.md, section 4).')
@allowed([
  'off'
  'federated-identity'
])
param graphAuth string = 'off'

@description('Days Log Analytics keeps logs (30 is included in the price).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// Web app, bot and storage account names are global: a stable hash of the resource group keeps
// them unique and repeatable. Storage account names are 3-24 lower-case letters and digits.
var uniqueSuffix = uniqueString(resourceGroup().id)
var webAppName = '${resourceBaseName}-${take(uniqueSuffix, 6)}'
var botServiceName = '${resourceBaseName}-bot-${take(uniqueSuffix, 6)}'
var storageAccountName = take(toLower(replace('${resourceBaseName}${uniqueSuffix}', '-', '')), 24)

// Built-in role "Storage Table Data Contributor": read, write and delete table entities.
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

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
    // The app signs in with the managed identity; nobody needs the account keys.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, storageTableDataContributorRoleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableIpMasking: false
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
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/api/health'
      // The server's entry point; production configuration fails fast if a setting is missing.
      appCommandLine: 'node dist/src/server/index.js'
    }
  }
}

// Separate from the site so PUBLIC_URL can use the site's own host name.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    APP_MODE: 'production'
    NODE_ENV: 'production'
    // A young generation of up to 64 MB a semi-space (Node's default is 16): a burst of hundreds of
    // requests allocates tens of megabytes, and with 16 MB most of it is copied, promoted and
    // marked again while still in use. Measured in activity-300 (docs/activity-300.md): over two
    // formats an instance's scavenges fell from about 340 to 114, their pauses from 2.5 s to 1.4 s.
    NODE_OPTIONS: '--max-semi-space-size=64'
    TEAMSFX_ENV: teamsFxEnv
    // zipDeploy ships the built app (teamsapp.yml deploy builds it); no build on the server.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    // The bot is the managed identity: no app secret exists to leak or rotate.
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMsi'
    BOT_TENANT_ID: identity.properties.tenantId
    // Tables through the same identity (DefaultAzureCredential reads AZURE_CLIENT_ID).
    TABLES_ENDPOINT: storageAccount.properties.primaryEndpoints.table
    TABLE_PREFIX: tablePrefix
    AZURE_CLIENT_ID: identity.properties.clientId
    // Tab single sign-on.
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    ALLOWED_TENANTS: allowedTenants
    // Microsoft Graph app-only, as the app registration with the managed identity as its federated
    // credential (no secret). Off until consented; see docs/admin.md section 4.
    GRAPH_AUTH: graphAuth
    GRAPH_CLIENT_ID: aadAppClientId
    GRAPH_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
    // Application Insights' codeless agent for Node.js on Linux: requests, dependencies, failures.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  }
  dependsOn: [
    tableDataRole
  ]
}

// The app's JSON log lines (stdout/stderr) and HTTP logs go to the workspace, kept logRetentionDays.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
    ]
  }
}

// Registers the web app as a bot with the Bot Framework, under the managed identity.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

// Connects the bot to Microsoft Teams.
resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// arm/deploy writes these outputs to env/.env.<env> (names as given), for the manifest, the
// deploy step and `npm run data`.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_AZURE_RESOURCE_ID string = botService.id
output TABLES_ENDPOINT string = storageAccount.properties.primaryEndpoints.table
output TABLE_PREFIX string = tablePrefix
output AZURE_STORAGE_ACCOUNT_RESOURCE_ID string = storageAccount.id
