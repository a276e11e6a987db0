using System.Text.Json.Nodes;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting.Settings;
using SlaWatch.Hosting.Telemetry;
using SlaWatch.TestSupport;

namespace SlaWatch.Infra.Tests;

/// <summary>infra/main.bicep compiled by the Bicep CLI, and the compiled ARM JSON checked for what the deployment
/// promises.</summary>
public sealed class InfraTests
{
    private static readonly string[] Roles =
    [
        "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
        "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", // Azure Service Bus Data Sender
        "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
        "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
        "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor (the backup container only)
    ];

    private static readonly string[] SecretParameters =
    [
        "chatSecret",
        "mailPassword",
        "smtpPassword",
        "notifySecret",
        "entraClientSecret",
    ];

    [Fact]
    public void TheTemplateBuildsAndLintsWithoutAWarning()
    {
        var build = Bicep.Run("build", Bicep.MainFile, "--stdout");
        var lint = Bicep.Run("lint", Bicep.MainFile);

        Assert.True(build.Code == 0, build.Error);
        Assert.Equal(string.Empty, build.Error.Trim());
        Assert.True(lint.Code == 0, lint.Output + lint.Error);
        Assert.Equal(string.Empty, (lint.Output + lint.Error).Trim());
    }

    [Fact]
    public void StorageServiceBusInsightsAndKeyVaultAcceptIdentitiesOnly()
    {
        // The app's account and the backups' account.
        var accounts = Bicep.OfType("Microsoft.Storage/storageAccounts");
        Assert.Equal(2, accounts.Count);
        foreach (var storage in accounts.Select(Properties))
        {
            Assert.Equal(
                (false, false, "TLS1_2", true),
                (
                    (bool)storage["allowSharedKeyAccess"]!,
                    (bool)storage["allowBlobPublicAccess"]!,
                    (string)storage["minimumTlsVersion"]!,
                    (bool)storage["supportsHttpsTrafficOnly"]!
                )
            );
        }

        var bus = Properties(Assert.Single(Bicep.OfType("Microsoft.ServiceBus/namespaces")));
        Assert.True((bool)bus["disableLocalAuth"]!);
        Assert.True(
            (bool)Properties(Assert.Single(Bicep.OfType("Microsoft.Insights/components")))["DisableLocalAuth"]!
        );
        var vault = Properties(Assert.Single(Bicep.OfType("Microsoft.KeyVault/vaults")));
        Assert.Equal((true, true), ((bool)vault["enableRbacAuthorization"]!, (bool)vault["enablePurgeProtection"]!));
        Assert.DoesNotContain("AccountKey=", Bicep.Template.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SharedAccessKey", Bicep.Template.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", Bicep.Template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheInboundQueueItsPoisonQueueAndClaimCheckBlobsAreInStorageAndTheTopicDropsDuplicates()
    {
        Assert.Equal(
            [TriggerNames.InboundQueue, TriggerNames.InboundPoisonQueue],
            Bicep
                .OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
                .Select(Name)
                .Order(StringComparer.Ordinal)
        );
        Assert.Contains(
            TriggerNames.InboundBodies,
            Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(Name)
        );
        var rule = Bicep
            .OfType("Microsoft.Storage/storageAccounts/managementPolicies")
            .Select(policy => Properties(policy)["policy"]!["rules"]![0]!)
            .Single(found => (string)found!["name"]! == "inbound-bodies-expire")!["definition"]!;
        Assert.Equal(
            (TriggerNames.InboundBodies + "/", 7),
            (
                (string)rule["filters"]!["prefixMatch"]![0]!,
                (int)rule["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!
            )
        );

        // Nothing reads a Service Bus queue any more: the namespace holds the topic other systems subscribe to.
        Assert.Empty(Bicep.OfType("Microsoft.ServiceBus/namespaces/queues"));
        var topic = Assert.Single(Bicep.OfType("Microsoft.ServiceBus/namespaces/topics"));
        Assert.Equal(TriggerNames.SlaEventsTopic, Name(topic));
        Assert.True((bool)Properties(topic)["requiresDuplicateDetection"]!);
        // Bounded: at most 1 GB, what is not read in 14 days dropped; no subscription nobody reads (each dead-letters
        // on expiry and grows without bound): consumers add their own.
        Assert.Equal(
            (1024, "P14D"),
            ((int)Properties(topic)["maxSizeInMegabytes"]!, (string)Properties(topic)["defaultMessageTimeToLive"]!)
        );
        Assert.Empty(Bicep.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions"));
    }

    [Fact]
    public void BackupsGoToTheirOwnAccountWithVersionsSoftDeleteAndRetentionAndTheAppMayOnlyWriteTheirContainer()
    {
        var backup = Bicep.OfType("Microsoft.Resources/deployments").Single(deployment => Name(deployment) == "backup");
        var template = backup["properties"]!["template"]!;
        var resources = template["resources"]!.AsArray().Select(resource => resource!.AsObject()).ToArray();
        var service = Properties(
            resources.Single(resource => (string)resource["type"]! == "Microsoft.Storage/storageAccounts/blobServices")
        );
        Assert.True((bool)service["isVersioningEnabled"]!);
        Assert.Equal(
            (true, 14),
            ((bool)service["deleteRetentionPolicy"]!["enabled"]!, (int)service["deleteRetentionPolicy"]!["days"]!)
        );
        Assert.Equal(
            (true, 14),
            (
                (bool)service["containerDeleteRetentionPolicy"]!["enabled"]!,
                (int)service["containerDeleteRetentionPolicy"]!["days"]!
            )
        );
        var rule = Properties(
            resources.Single(resource =>
                (string)resource["type"]! == "Microsoft.Storage/storageAccounts/managementPolicies"
            )
        )["policy"]!["rules"]![0]!;
        Assert.Equal(
            "[parameters('retentionDays')]",
            (string)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!
        );
        Assert.Equal(
            "[parameters('backupRetentionDays')]",
            (string)backup["properties"]!["parameters"]!["retentionDays"]!["value"]!
        );
        Assert.Equal(35, (int)Bicep.Template["parameters"]!["backupRetentionDays"]!["defaultValue"]!);
        // Redundancy is the region's choice: locally redundant by default, which every Flex region offers.
        var account = resources.Single(resource => (string)resource["type"]! == "Microsoft.Storage/storageAccounts");
        Assert.Equal("[parameters('redundancy')]", (string)account["sku"]!["name"]!);
        Assert.Equal(
            "[parameters('backupRedundancy')]",
            (string)backup["properties"]!["parameters"]!["redundancy"]!["value"]!
        );
        var redundancy = Bicep.Template["parameters"]!["backupRedundancy"]!;
        Assert.Equal("Standard_LRS", (string)redundancy["defaultValue"]!);
        Assert.Contains("Standard_ZRS", redundancy["allowedValues"]!.AsArray().Select(value => (string)value!));

        // The contributor role is scoped to the backup container, not to either account.
        var writer = RoleAssignments(Module("roles"))
            .Single(assignment =>
                ((string)Properties(assignment)["roleDefinitionId"]!).Contains(
                    "storageBlobDataContributor",
                    StringComparison.Ordinal
                )
            );
        Assert.Contains("blobServices/containers", (string)writer["scope"]!, StringComparison.Ordinal);
        var settings = Properties(Assert.Single(Bicep.OfType("Microsoft.Web/sites")))["siteConfig"]!["appSettings"]!
            .AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!);
        Assert.Equal("[parameters('settings').backupContainerUrl]", settings[AppSettings.BackupContainer]);
    }

    [Fact]
    public void TheAppRunsOnFlexConsumptionAsAnIsolatedDotnet10AppUnderItsIdentity()
    {
        var plan = Assert.Single(Bicep.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal(("FC1", "FlexConsumption"), ((string)plan["sku"]!["name"]!, (string)plan["sku"]!["tier"]!));
        var site = Assert.Single(Bicep.OfType("Microsoft.Web/sites"));
        Assert.Equal(
            ("functionapp,linux", "UserAssigned"),
            ((string)site["kind"]!, (string)site["identity"]!["type"]!)
        );
        var properties = Properties(site);
        Assert.True((bool)properties["httpsOnly"]!);
        var config = properties["functionAppConfig"]!;
        // Written 10.0, not 10: the Flex stack list names it so.
        Assert.Equal(
            ("dotnet-isolated", "10.0"),
            ((string)config["runtime"]!["name"]!, (string)config["runtime"]!["version"]!)
        );
        Assert.Equal(
            "[parameters('maximumInstanceCount')]",
            (string)config["scaleAndConcurrency"]!["maximumInstanceCount"]!
        );
        Assert.Equal("UserAssignedIdentity", (string)config["deployment"]!["storage"]!["authentication"]!["type"]!);
        Assert.Equal("blobContainer", (string)config["deployment"]!["storage"]!["type"]!);

        // Flex Consumption refuses these site settings and app settings: the runtime is functionAppConfig's.
        var siteConfig = properties["siteConfig"]!.AsObject();
        Assert.False(siteConfig.ContainsKey("ftpsState"));
        Assert.False(siteConfig.ContainsKey("linuxFxVersion"));
        var names = siteConfig["appSettings"]!.AsArray().Select(setting => (string)setting!["name"]!).ToArray();
        foreach (
            var refused in new[]
            {
                "FUNCTIONS_WORKER_RUNTIME",
                "FUNCTIONS_EXTENSION_VERSION",
                "WEBSITE_RUN_FROM_PACKAGE",
            }
        )
        {
            Assert.DoesNotContain(refused, names);
        }
    }

    [Fact]
    public void AzdPackagesTheFunctionsProjectItself()
    {
        var yaml = File.ReadAllLines(Path.Combine(RepoRoot.Path, "azure.yaml")).Select(line => line.Trim()).ToArray();

        Assert.Contains("project: ./src/SlaWatch.Functions", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("host: function", yaml);
        // azd publishes the project itself; a dist or a prepackage hook would point it at a folder it never made.
        Assert.DoesNotContain(yaml, line =>
            line.StartsWith("dist:", StringComparison.Ordinal) || line.StartsWith("hooks:", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void TheKeyVaultsNameChangesWithItsGenerationSoADeletedVaultNeedNotBlockANewOne()
    {
        var vault = Bicep
            .OfType("Microsoft.Resources/deployments")
            .Single(deployment => Name(deployment) == "keyvault");
        var name = (string)vault["properties"]!["parameters"]!["name"]!["value"]!;

        Assert.Contains("parameters('keyVaultGeneration')", name, StringComparison.Ordinal);
        Assert.Equal("1", (string)Bicep.Template["parameters"]!["keyVaultGeneration"]!["defaultValue"]!);
        var parameters = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoRoot.Path, "infra", "main.parameters.json"))
        )!["parameters"]!;
        Assert.Equal("${SLAWATCH_KEY_VAULT_GENERATION=1}", (string)parameters["keyVaultGeneration"]!["value"]!);
        Assert.True(
            (bool)Properties(Assert.Single(Bicep.OfType("Microsoft.KeyVault/vaults")))["enablePurgeProtection"]!
        );
    }

    [Fact]
    public void EverySettingTheAppReadsIsSetAndSecretsComeFromKeyVault()
    {
        var settings = Properties(Assert.Single(Bicep.OfType("Microsoft.Web/sites")))["siteConfig"]!["appSettings"]!
            .AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!);
        // Settings whose identity-based form is set instead, or which Flex sets itself.
        var replaced = new Dictionary<string, string>
        {
            [AppSettings.InboundStorage] = AppSettings.InboundStorageAccount,
            [AppSettings.ServiceBus] = AppSettings.ServiceBusNamespace,
            [AppSettings.WorkerRuntime] = "(functionAppConfig.runtime)",
        };
        foreach (var setting in AppSettings.All.Where(setting => !replaced.ContainsKey(setting.Name)))
        {
            Assert.True(settings.ContainsKey(setting.Name), $"{setting.Name} is not set");
        }

        Assert.Contains(AppSettings.InboundStorageAccount, settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings[SlaWatch.Hosting.AzureIdentity.ClientIdSetting]);
        Assert.Contains(
            "Authorization=AAD",
            settings[AppSettings.ApplicationInsightsAuthentication],
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(AppSettings.ServiceBus, settings.Keys);
        // A mailbox not configured: its poll is off rather than waking every minute to say so.
        Assert.Equal(
            "[if(empty(parameters('settings').imapHost), 'true', 'false')]",
            settings["AzureWebJobs.MailboxPoll.Disabled"]
        );
        // The longest run (a night's report and backup of a large account) gets Flex's default 30 minutes, not 10.
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!;
        Assert.Equal("00:30:00", (string)host["functionTimeout"]!);
        Assert.Equal("[parameters('tableEndpoint')]", settings[StoreSettings.Storage]);
        var app = Bicep
            .OfType("Microsoft.Resources/deployments")
            .Single(deployment => Name(deployment) == "functionapp");
        Assert.Contains(
            "outputs.tableEndpoint",
            (string)app["properties"]!["parameters"]!["tableEndpoint"]!["value"]!,
            StringComparison.Ordinal
        );
        foreach (
            var secret in new[]
            {
                AppSettings.ChatSecret,
                AppSettings.MailPassword,
                AppSettings.SmtpPassword,
                AppSettings.NotifyWebhookSecret,
                AppSettings.PhoneSecret,
            }
        )
        {
            Assert.Contains("variables('keyVaultReference')", settings[secret], StringComparison.Ordinal);
        }

        Assert.Equal(
            "Microsoft.KeyVault(SecretUri={0})",
            (string)app["properties"]!["template"]!["variables"]!["keyVaultReference"]!
        );
        Assert.Equal(
            "[parameters('identityId')]",
            (string)Properties(Assert.Single(Bicep.OfType("Microsoft.Web/sites")))["keyVaultReferenceIdentity"]!
        );
        // The chat secret always; the others only for the features in use, so no empty secret is created.
        var secrets = Bicep.OfType("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal((14, 13), (secrets.Count, secrets.Count(secret => secret["condition"] is not null)));
        // A WeChat account's and a WeCom corp's secrets are Key Vault references under the account's name.
        foreach (
            var (prefix, secret) in new[]
            {
                ("weChatPrefix", "weChatToken"),
                ("weChatPrefix", "weChatEncodingAesKey"),
                ("weComPrefix", "weComSecret"),
                ("weComPrefix", "weComToken"),
                ("weComPrefix", "weComEncodingAesKey"),
                ("Alerts__Routes__wecomrobot__", "alertWeComRobotUrl"),
                ("Alerts__Routes__dingtalkrobot__", "alertDingTalkRobotUrl"),
                ("Alerts__Routes__dingtalkrobot__", "alertDingTalkSecret"),
            }
        )
        {
            var value = settings
                .Single(pair =>
                    pair.Key.Contains(prefix, StringComparison.Ordinal)
                    // A route's kind is set only when its address is: not a secret itself.
                    && !pair.Key.EndsWith("__Kind", StringComparison.Ordinal)
                    && pair.Value.Contains($"secretUris').{secret})", StringComparison.Ordinal)
                )
                .Value;
            Assert.Contains("variables('keyVaultReference')", value, StringComparison.Ordinal);
        }
        // Every schedule the timers read is a setting.
        foreach (
            var name in new[]
            {
                TriggerNames.MailboxPollSchedule,
                TriggerNames.SlaScanSchedule,
                TriggerNames.DailyReportSchedule,
                TriggerNames.BackupSchedule,
                TriggerNames.QuarantineRetentionSchedule,
            }
        )
        {
            Assert.True(settings.ContainsKey(name), name);
        }
    }

    [Fact]
    public void PeopleSignInWithEntraOnlyWhenARegistrationIsGivenAndMachinesKeepTheirOwnChecks()
    {
        var signIn = Assert.Single(Bicep.OfType("Microsoft.Web/sites/config"));
        Assert.Equal("authsettingsV2", Name(signIn));
        // Only with a client id: without one there is no sign-in, and the workbench refuses everyone.
        Assert.Contains("parameters('settings').entraClientId", (string)signIn["condition"]!, StringComparison.Ordinal);
        var properties = Properties(signIn);
        Assert.True((bool)properties["platform"]!["enabled"]!);
        // Webhooks, call logs and function keys must still pass: the app, not the platform, refuses anonymous people.
        Assert.Equal(
            (false, "AllowAnonymous"),
            (
                (bool)properties["globalValidation"]!["requireAuthentication"]!,
                (string)properties["globalValidation"]!["unauthenticatedClientAction"]!
            )
        );
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        var secretSetting = (string)entra["registration"]!["clientSecretSettingName"]!;
        var settings = Properties(Assert.Single(Bicep.OfType("Microsoft.Web/sites")))["siteConfig"]!["appSettings"]!
            .AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!);
        Assert.Contains("variables('keyVaultReference')", settings[secretSetting], StringComparison.Ordinal);
        Assert.Contains("/v2.0", (string)entra["registration"]!["openIdIssuer"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIdentityHasExactlyTheRolesItNeeds()
    {
        var module = Module("roles");
        var defined = module["variables"]!["roles"]!.AsObject();
        var assignments = RoleAssignments(module);
        var assigned = assignments.Select(RoleKey).ToArray();

        Assert.Equal(Roles.Order(), assigned.Select(key => (string)defined[key]!).Order());
        Assert.All(assignments, assignment =>
            Assert.Equal("ServicePrincipal", (string)Properties(assignment)["principalType"]!)
        );
    }

    [Fact]
    public void OperatorsNamedInAParameterGetTheDataRolesTheCliNeedsAndNothingMore()
    {
        var module = Module("operators");
        var defined = module["variables"]!["roles"]!.AsObject();
        var assignments = RoleAssignments(module).ToDictionary(RoleKey);

        // Tables for backup, restore, quarantine and alerts; the backups' container only; the announcements' topic.
        Assert.Equal(
            [
                (
                    "serviceBusDataReceiver",
                    "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
                    "Microsoft.ServiceBus/namespaces/topics"
                ),
                (
                    "storageBlobDataContributor",
                    "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
                    "Microsoft.Storage/storageAccounts/blobServices/containers"
                ),
                (
                    "storageTableDataContributor",
                    "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
                    "Microsoft.Storage/storageAccounts"
                ),
            ],
            assignments
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => (pair.Key, (string)defined[pair.Key]!, ((string)pair.Value["scope"]!).Split('\'')[1]))
        );
        // One assignment per operator, of the type the parameter says.
        Assert.All(assignments.Values, assignment =>
        {
            Assert.Equal("[length(parameters('principalIds'))]", (string)assignment["copy"]!["count"]!);
            Assert.Equal("[parameters('principalType')]", (string)Properties(assignment)["principalType"]!);
        });
        var ids = (string)
            Bicep.OfType("Microsoft.Resources/deployments").Single(deployment => Name(deployment) == "operators")[
                "properties"
            ]!["parameters"]!["principalIds"]!["value"]!;
        Assert.Contains("split(parameters('operatorPrincipalIds'), ',')", ids, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlertRuleReadsAMetricTheAppRecordsAndTheScanHeartbeatFiresOnSilence()
    {
        // The rules are one loop over a variable: each rule's query, threshold and dimensions are read from it.
        var alerts = Module("alerts");
        var rules = alerts["variables"]!["logRules"]!
            .AsArray()
            .Select(rule => rule!.AsObject())
            .ToDictionary(rule => (string)rule["key"]!);
        var loop = Assert.Single(Bicep.Resources(alerts), resource =>
            (string?)resource["type"] == "Microsoft.Insights/scheduledQueryRules"
        );
        Assert.Equal("[length(variables('logRules'))]", (string)loop["copy"]!["count"]!);
        Assert.Equal(
            "[variables('logRules')[copyIndex()].query]",
            (string)Properties(loop)["criteria"]!["allOf"]![0]!["query"]!
        );
        Assert.Equal(
            [
                "alerts-undelivered",
                "breaches",
                "function-failures",
                "inbound-poison",
                "quarantine-growth",
                "scan-heartbeat",
            ],
            rules.Keys.Order(StringComparer.Ordinal)
        );

        // In OpenTelemetry mode `requests` holds HTTP calls only: a rule on it never sees a timer or a queue.
        var recorded = RecordedMetricNames();
        foreach (var (key, rule) in rules)
        {
            var query = (string)rule["query"]!;
            Assert.StartsWith("customMetrics |", query, StringComparison.Ordinal);
            Assert.DoesNotContain("requests", query, StringComparison.Ordinal);
            var metric = System.Text.RegularExpressions.Regex.Match(query, "name == \"([^\"]+)\"").Groups[1].Value;
            Assert.True(recorded.Contains(metric), $"{key} reads {metric}, which the app does not record");
            Assert.Contains($"summarize {(string)rule["measure"]!} =", query, StringComparison.Ordinal);
        }

        var heartbeat = rules["scan-heartbeat"];
        Assert.Equal(
            ("PT1M", "LessThan", 1, 0),
            (
                (string)heartbeat["frequency"]!,
                (string)heartbeat["operator"]!,
                (int)heartbeat["threshold"]!,
                (int)heartbeat["severity"]!
            )
        );
        var beat = (string)heartbeat["query"]!;
        Assert.Contains("timestamp > ago(3m)", beat, StringComparison.Ordinal);
        Assert.Contains($"== \"{nameof(Functions.Triggers.SlaScan)}\"", beat, StringComparison.Ordinal);
        Assert.Contains("== \"succeeded\"", beat, StringComparison.Ordinal);
        // count() over no rows is one row of 0, so silence fires; sum() over no rows would be empty and never fire.
        Assert.Contains("summarize scans = count()", beat, StringComparison.Ordinal);

        Assert.Contains(
            $"== \"{nameof(Functions.Triggers.InboundPoison)}\"",
            (string)rules["inbound-poison"]["query"]!,
            StringComparison.Ordinal
        );
        Assert.Contains("== \"failed\"", (string)rules["function-failures"]["query"]!, StringComparison.Ordinal);
        foreach (var (key, column) in new[] { ("function-failures", "functionName"), ("quarantine-growth", "channel") })
        {
            Assert.Contains($"by {column}", (string)rules[key]["query"]!, StringComparison.Ordinal);
            Assert.Equal(column, (string)rules[key]["dimensions"]![0]!["name"]!);
        }

        Assert.Equal("[parameters('breachThreshold')]", (string)rules["breaches"]["threshold"]!);
        Assert.Equal("[parameters('quarantineThreshold')]", (string)rules["quarantine-growth"]["threshold"]!);

        // Dead letters of any subscription a consumer adds, on the namespace's own metric.
        var deadLetters = Properties(Assert.Single(Bicep.OfType("Microsoft.Insights/metricAlerts")));
        var criterion = deadLetters["criteria"]!["allOf"]![0]!;
        Assert.Equal(
            ("DeadletteredMessages", "Microsoft.ServiceBus/namespaces", "[parameters('deadLetterThreshold')]"),
            ((string)criterion["metricName"]!, (string)criterion["metricNamespace"]!, (string)criterion["threshold"]!)
        );
        Assert.Equal("[parameters('serviceBusId')]", (string)deadLetters["scopes"]![0]!);
        var group = Assert.Single(Bicep.OfType("Microsoft.Insights/actionGroups"));
        Assert.Equal("[parameters('alertEmail')]", (string)Properties(group)["emailReceivers"]![0]!["emailAddress"]!);
    }

    [Fact]
    public void TheWorkbookChartsMetricsTheAppRecordsAndPercentilesFromTheStoredDays()
    {
        // loadTextContent compiles into a variable of the workbook module.
        var reference = (string)
            Properties(Assert.Single(Bicep.OfType("Microsoft.Insights/workbooks")))["serializedData"]!;
        var variable = reference["[variables('".Length..^"')]".Length];
        var module = Bicep
            .OfType("Microsoft.Resources/deployments")
            .Single(deployment => Name(deployment) == "workbook");
        var workbook = (string)module["properties"]!["template"]!["variables"]![variable]!;
        var charted = JsonNode.Parse(workbook)!["items"]!
            .AsArray()
            .Select(item => (string?)item!["content"]?["query"])
            .OfType<string>()
            .Select(query =>
                System.Text.RegularExpressions.Regex.Match(query, "name (==|in) \\(?\"([^\"]+)\"").Groups[2].Value
            )
            .ToArray();
        Assert.Equal(
            ["function.invocations", "ingest.count", "ingest.quarantined", "report.day_minutes", "sla.breaches"],
            charted.Order(StringComparer.Ordinal)
        );
        Assert.Subset(RecordedMetricNames(), charted.ToHashSet());

        // Percentiles come from the stored days: the exporter sends a histogram's sum and count, not its buckets.
        Assert.Contains("report.day_minutes", workbook, StringComparison.Ordinal);
        Assert.DoesNotContain("percentile(", workbook, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersAreDescribedAndOutputsNameTheApp()
    {
        var parameters = Bicep.Template["parameters"]!.AsObject();
        Assert.All(parameters, parameter =>
            Assert.False(
                string.IsNullOrWhiteSpace((string?)parameter.Value!["metadata"]?["description"]),
                parameter.Key
            )
        );
        Assert.All(SecretParameters, name => Assert.Equal("securestring", (string)parameters[name]!["type"]!));
        var outputs = Bicep.Template["outputs"]!.AsObject();
        Assert.Contains("SERVICE_FUNCTIONS_URI", outputs.Select(pair => pair.Key));
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(pair => pair.Key));
        Assert.DoesNotContain(outputs, output =>
            output.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
            || output.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public void EveryParameterComesFromAnAzdVariableWithItsOwnDefaultAndIsInTheOperatorsTable()
    {
        var parameters = Bicep.Template["parameters"]!.AsObject();
        var mapped = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "infra", "main.parameters.json")))![
            "parameters"
        ]!.AsObject();
        var table = File.ReadAllLines(Path.Combine(RepoRoot.Path, "docs", "operations.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToArray();

        // A setting changed in the portal is wiped by the next azd provision: every one is a parameter instead.
        Assert.Equal(parameters.Select(pair => pair.Key).Order(), mapped.Select(pair => pair.Key).Order());
        foreach (var (name, parameter) in parameters)
        {
            var variable = AzdVariable(name);
            var fallback = parameter!["defaultValue"] switch
            {
                null => null,
                JsonValue value when value.TryGetValue<int>(out var number) => number.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                JsonValue value => (string)value!,
                _ => throw new InvalidOperationException($"{name}: a default azd cannot spell"),
            };
            Assert.Equal(
                string.IsNullOrEmpty(fallback) ? $"${{{variable}}}" : $"${{{variable}={fallback}}}",
                (string)mapped[name]!["value"]!
            );
            var row = Assert.Single(table, line =>
                line.StartsWith($"| `{variable}` | `{name}` |", StringComparison.Ordinal)
            );
            Assert.Contains(
                string.IsNullOrEmpty(fallback) ? "| — |" : $"| `{fallback}` |",
                row,
                StringComparison.Ordinal
            );
        }

        Assert.Equal(parameters.Count, table.Length);
    }

    [Fact]
    public void TheRegionIsOneWhereFlexRunsAndAzdAsksForIt()
    {
        var location = Bicep.Template["parameters"]!["location"]!;
        var allowed = location["allowedValues"]!.AsArray().Select(value => (string)value!).ToArray();

        Assert.Equal("location", (string)location["metadata"]!["azd"]!["type"]!);
        Assert.Null(location["defaultValue"]);
        Assert.Contains("eastasia", allowed);
        Assert.Contains("southeastasia", allowed);
        // Regions without Flex Consumption (China's are run apart; West India has no Flex) are refused at the prompt.
        Assert.DoesNotContain("chinanorth3", allowed);
        Assert.DoesNotContain("westindia", allowed);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), allowed);
    }

    /// <summary>The azd environment variable a parameter is read from: SLAWATCH_ and its words in capitals
    /// (<c>weChatAppId</c> is <c>SLAWATCH_WECHAT_APP_ID</c>); azd's own for the name and region.</summary>
    private static string AzdVariable(string parameter) =>
        parameter switch
        {
            "environmentName" => "AZURE_ENV_NAME",
            "location" => "AZURE_LOCATION",
            _ => "SLAWATCH_"
                + System
                    .Text.RegularExpressions.Regex.Replace(
                        parameter
                            .Replace("eChat", "echat", StringComparison.Ordinal)
                            .Replace("eCom", "ecom", StringComparison.Ordinal)
                            .Replace("ingTalk", "ingtalk", StringComparison.Ordinal),
                        "(?<=[a-z0-9])(?=[A-Z])",
                        "_"
                    )
                    .ToUpperInvariant(),
        };

    [Fact]
    public void PublishingByPasswordIsOffAndTheAppsAndStoragesLogsGoToTheWorkspace()
    {
        var policies = Bicep.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(["ftp", "scm"], policies.Select(Name).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.False((bool)Properties(policy)["allow"]!));

        var diagnostics = Bicep.OfType("Microsoft.Insights/diagnosticSettings");
        Assert.All(diagnostics, setting =>
            Assert.Equal("[parameters('workspaceId')]", (string)Properties(setting)["workspaceId"]!)
        );
        var categories = diagnostics
            .Select(setting =>
                string.Join(
                    ",",
                    Properties(setting)["logs"]!
                        .AsArray()
                        .Select(log => (string)log!["category"]!)
                        .Order(StringComparer.Ordinal)
                )
            )
            .Order(StringComparer.Ordinal)
            .ToArray();
        // The app; the data account's tables, queues and blobs; the backups' blobs.
        Assert.Equal(
            [
                "FunctionAppLogs",
                "StorageDelete,StorageRead,StorageWrite",
                "StorageDelete,StorageRead,StorageWrite",
                "StorageDelete,StorageRead,StorageWrite",
                "StorageDelete,StorageRead,StorageWrite",
            ],
            categories
        );
        foreach (var module in new[] { "storage", "backup", "functionapp" })
        {
            var deployment = Bicep
                .OfType("Microsoft.Resources/deployments")
                .Single(deployment => Name(deployment) == module);
            Assert.Equal(
                "[reference(resourceId('Microsoft.Resources/deployments', 'monitoring'), '2025-04-01')"
                    + ".outputs.workspaceId.value]",
                (string)deployment["properties"]!["parameters"]!["workspaceId"]!["value"]!
            );
        }
    }

    private static JsonObject Properties(JsonObject resource) => (JsonObject)resource["properties"]!;

    /// <summary>The names of the instruments <see cref="SlaMetrics"/> publishes.</summary>
    private static HashSet<string> RecordedMetricNames()
    {
        using var metrics = new SlaMetrics();
        var meter = metrics.Meter;
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();
        return names;
    }

    private static JsonObject[] RoleAssignments(JsonObject module) =>
        [
            .. Bicep
                .Resources(module)
                .Where(resource => (string?)resource["type"] == "Microsoft.Authorization/roleAssignments"),
        ];

    /// <summary>The key of the module's <c>roles</c> variable an assignment's role definition names.</summary>
    private static string RoleKey(JsonObject assignment) =>
        ((string)Properties(assignment)["roleDefinitionId"]!).Split("variables('roles').")[1].TrimEnd(')', ']');

    /// <summary>A module's compiled template.</summary>
    private static JsonObject Module(string name) =>
        (JsonObject)
            Bicep.OfType("Microsoft.Resources/deployments").Single(deployment => Name(deployment) == name)[
                "properties"
            ]!["template"]!;

    /// <summary>A resource's own name: the last literal of a compiled name expression such as <c>[format('{0}/{1}',
    /// parameters('name'), 'inbound')]</c>.</summary>
    private static string Name(JsonObject resource)
    {
        var name = (string)resource["name"]!;
        return name.StartsWith('[')
            ? System.Text.RegularExpressions.Regex.Matches(name, "'([^']*)'")[^1].Groups[1].Value
            : name.Split('/')[^1];
    }
}
