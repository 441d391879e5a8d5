// Azure resources of one Comptoir environment: a Linux App Service (Node 20 LTS) serving the tab, the API and the
// bot endpoint; a Storage account (tables, queues, blobs); an Azure Bot (single tenant) with the Teams channel.
// Deployed by `arm/deploy` in teamsapp.yml; outputs are written back to env/.env.<env> under the same names.

@minLength(4)
@maxLength(20)
@description('Prefix of resource names (e.g. comptoirdev); a hash of the resource group keeps global names unique.')
param resourceBaseName string

@description('Toolkit environment name (dev, prod...): the server reads env/.env.<name> under its app settings.')
param teamsfxEnv string

param location string = resourceGroup().location

@description('App Service plan SKU. Autoscale needs Standard (S1) or higher; Basic only scales by hand.')
param webAppSku string = 'S1'

@minValue(1)
@description('Fewest instances the plan runs; they share one Storage account, and any of them may answer.')
param minInstances int = 1

@minValue(1)
@maxValue(30)
@description('Most instances autoscale may add (CPU or memory above 70% for 10 minutes adds one).')
param maxInstances int = 3

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
@description('ZRS keeps the tables, queues and blobs every instance shares available when one zone fails.')
param storageSku string = 'Standard_ZRS'

param teamsAppId string
param aadAppClientId string
@description('The firm\'s Microsoft 365 tenant, home of both Entra ID apps.')
param aadAppTenantId string
param aadAppOauthAuthority string
@secure()
param aadAppClientSecret string
param botId string
@secure()
param botPassword string
@description('Mailbox (UPN) used to send invitation e-mails through Microsoft Graph.')
param graphMailSender string

var uniqueName = toLower('${resourceBaseName}-${uniqueString(resourceGroup().id, resourceBaseName)}')
var storageAccountName = take('st${uniqueString(resourceGroup().id, resourceBaseName)}', 24)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The server connects with the account key (STORAGE_CONNECTION_STRING).
    allowSharedKeyAccess: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource serverFarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: uniqueName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: minInstances
  }
  properties: {
    reserved: true
  }
}

// Scale out on load, back in when it is gone. Every instance works on the one Storage account (tables, queues,
// blobs): docs/ARCHITECTURE.md says what each instance keeps in memory and how it stays current.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${uniqueName}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: serverFarm.id
    profiles: [
      {
        name: 'load'
        capacity: {
          minimum: string(minInstances)
          maximum: string(max(minInstances, maxInstances))
          default: string(minInstances)
        }
        rules: [
          scaleRule(serverFarm.id, 'CpuPercentage', 'GreaterThan', 70, 'Increase', 'PT10M')
          scaleRule(serverFarm.id, 'MemoryPercentage', 'GreaterThan', 70, 'Increase', 'PT10M')
          scaleRule(serverFarm.id, 'CpuPercentage', 'LessThan', 30, 'Decrease', 'PT20M')
        ]
      }
    ]
  }
}

// One rule of the plan's autoscale (functions see only their arguments): the metric's average over `window` crosses `threshold`, one instance more or
// less, then 10 minutes of calm before the next change.
func scaleRule(planId string, metric string, operator string, threshold int, direction string, window string) object => {
  metricTrigger: {
    metricName: metric
    metricResourceUri: planId
    timeGrain: 'PT1M'
    statistic: 'Average'
    timeWindow: window
    timeAggregation: 'Average'
    operator: operator
    threshold: threshold
  }
  scaleAction: {
    direction: direction
    type: 'ChangeCount'
    value: '1'
    cooldown: 'PT10M'
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: uniqueName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The bundle `npm run build` made (scripts/build-bot.mjs), started by Node itself: no TypeScript loader, no
      // npm or scripts/start.mjs process around it. The flags are bot/server-node-flags.json's (a unit test checks).
      // Stack traces on TypeScript lines: add the app setting NODE_OPTIONS=--enable-source-maps (docs/ARCHITECTURE.md).
      appCommandLine: 'node --no-memory-reducer --max-semi-space-size=4 bot/dist/main.js'
      alwaysOn: true
      // The load balancer stops sending to an instance whose /api/health answers 503 (storage unreachable, not
      // started yet) and replaces it after WEBSITE_HEALTHCHECK_MAXPINGFAILURES failed pings.
      healthCheckPath: '/api/health'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

var tabDomain = webApp.properties.defaultHostName
var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

// A separate resource so the settings can use the site's own host name. App Service provides PORT itself.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // Oryx runs `npm install` then `npm run build` on the server, so Linux-native modules match the runtime and
    // bot/dist/main.js is built again there from the deployed sources (Oryx's doc/runtimes/nodejs.md).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    WEBSITE_HEALTHCHECK_MAXPINGFAILURES: '3'
    COMPTOIR_MODE: 'teams'
    COMPTOIR_ENV: teamsfxEnv
    TEAMSFX_ENV: teamsfxEnv
    TAB_ENDPOINT: 'https://${tabDomain}'
    TAB_DOMAIN: tabDomain
    BOT_DOMAIN: tabDomain
    TEAMS_APP_ID: teamsAppId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY: aadAppOauthAuthority
    SECRET_AAD_APP_CLIENT_SECRET: aadAppClientSecret
    BOT_ID: botId
    SECRET_BOT_PASSWORD: botPassword
    STORAGE_CONNECTION_STRING: storageConnectionString
    GRAPH_MAIL_SENDER: graphMailSender
    // bot/server-node-flags.json's environment (a unit test checks): two malloc arenas keep the memory peak lower.
    MALLOC_ARENA_MAX: '2'
  }
}

// Multi-tenant bot registrations are no longer accepted by Azure Bot Service: single tenant, in the firm's tenant.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: uniqueName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'Comptoir'
    endpoint: 'https://${tabDomain}/api/messages'
    msaAppId: botId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// The Microsoft 365 channel carries the message extension's invokes from Outlook (search and link unfurling);
// the Teams channel alone reaches only Teams.
resource m365ExtensionsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

output TAB_ENDPOINT string = 'https://${tabDomain}'
output TAB_DOMAIN string = tabDomain
output BOT_DOMAIN string = tabDomain
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_STORAGE_ACCOUNT_RESOURCE_ID string = storage.id
output AZURE_BOT_SERVICE_RESOURCE_ID string = botService.id
