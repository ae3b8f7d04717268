package io.github.camelkapso;

import java.util.Set;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

// Generated from the Kapso catalog by io.github.camelkapso.docs.OperationOptionsSource; do not edit.
// Regenerate: mvn -B test -pl camel-kapso-component -am -Dtest=OperationOptionsSourceTest -Dsurefire.failIfNoSpecifiedTests=false -Dkapso.options.update=true
/**
 * The operation names and the operations' own path, query and header parameters, declared for Camel tooling
 * (the component descriptor, option validation, completion). A URI value for one of them reaches the call through
 * {@code OperationOptions.extract} in {@link KapsoComponent#createEndpoint}, which takes only the parameters of the
 * endpoint's operation; these fields only describe them.
 */
@UriParams
public class KapsoOperationOptions {

    /** Every catalog operation id, then webhook and flowsDataEndpoint. */
    public static final String OPERATIONS = "getBusinessProfile,updateBusinessProfile,getCallPermissions,listCalls,performCallAction,getContact,listContacts,getConversation,listConversations,createFlow,createFlowForPhoneNumber,deleteFlow,deprecateFlow,getFlowAssets,getFlow,listFlows,listFlowsForPhoneNumber,publishFlow,updateFlowMetadata,uploadFlowJson,deleteMedia,getMediaUrl,uploadMedia,listMessages,sendMessage,getPhoneNumber,listPhoneNumbers,updatePhoneNumberSettings,createTemplate,deleteTemplate,listTemplates,updateTemplate,listApiLogs,addBroadcastRecipients,createBroadcast,getBroadcast,listBroadcasts,listBroadcastRecipients,sendBroadcast,createConversationAssignment,getProjectConversation,getConversationAssignment,listConversationAssignments,listProjectConversations,updateConversationAssignment,updateConversationStatus,createCustomer,deleteCustomer,getCustomer,listCustomers,updateCustomer,deleteRows,getRow,insertRows,queryRows,updateRows,upsertRows,listDisplayNameRequests,getDisplayNameRequest,submitDisplayNameRequest,createFunction,createFunctionSecret,deleteFunction,deleteFunctionSecret,deployFunction,invokeFunction,listFunctionInvocations,listFunctionSecrets,listFunctions,getFunction,updateFunction,assignVoiceAgentPhoneNumber,createVoiceAgent,deleteVoiceAgent,deleteVoiceAgentPhoneNumberAssignment,listVoiceAgents,listVoiceAgentPhoneNumbers,getVoiceAgent,updateVoiceAgent,updateVoiceAgentPhoneNumberAssignment,listConversationWorkflowExecutions,createWorkflowTrigger,deleteWorkflowTrigger,listWorkflowTriggers,updateWorkflowTrigger,createWorkflow,getWorkflowVariables,listWorkflowExecutions,listWorkflows,resumeWorkflowExecution,getWorkflow,getWorkflowExecution,startWorkflowExecution,updateWorkflow,updateWorkflowExecutionStatus,configureActionProp,createIntegration,deleteIntegration,getActionSchema,createConnectToken,listActions,listApps,listConnectedAccounts,listIntegrations,reloadActionProps,updateIntegration,uploadMediaFromUrl,getProjectMessage,listProjectMessages,checkPhoneNumberHealth,connectPhoneNumber,deleteProjectPhoneNumber,getProjectPhoneNumber,listProjectPhoneNumbers,updateProjectPhoneNumber,listProviderModels,createSetupLink,listSetupLinks,updateSetupLink,listProjectUsers,listWebhookDeliveries,createProjectWebhook,createWebhook,deleteProjectWebhook,deleteWebhook,getProjectWebhook,getWebhook,listProjectWebhooks,listWebhooks,testProjectWebhook,updateProjectWebhook,updateWebhook,createWhatsappFlow,createWhatsappFlowVersion,setFlowDataEndpointCode,deployFlowDataEndpoint,getFlowDataEndpoint,getWhatsappFlow,getWhatsappFlowVersion,getFlowFunctionInvocations,getFlowFunctionLogs,listWhatsappFlowVersions,listWhatsappFlows,publishWhatsappFlow,registerFlowDataEndpoint,setupFlowEncryption,sendMarketingMessage,getMessage,getUsername,setUsername,deleteUsername,getUsernameSuggestions,downloadMedia,getTemplate,listBlockedUsers,blockUsers,unblockUsers,requestVerificationCode,verifyCode,registerPhoneNumber,deregisterPhoneNumber,getNumberSettings,updateNumberSettings,updateContact,getConversationById,updateConversation,updateBroadcastStatus,clearBroadcastRecipients,scheduleBroadcast,cancelBroadcast,listProjectContacts,createContact,getProjectContact,updateProjectContact,eraseContact,listMarketingPreferences,getMarketingPreference,listEventDefinitions,createEventDefinition,getEventDefinition,updateEventDefinition,deleteEventDefinition,listEvents,emitEvent,searchLogs,searchLogsWithFilters,getLogSearchCatalog,listInboxEmbeds,createInboxEmbed,getInboxEmbed,updateInboxEmbed,revokeInboxEmbed,attachFlowDataEndpoint,listFindings,getFinding,getFindingEvidence,startFindingInvestigation,dismissFinding,markFindingAddressed,listNotificationEventTypes,listNotificationDestinations,createNotificationDestination,deleteNotificationDestination,listNotificationRoutes,upsertNotificationRoute,deleteNotificationRoute,getWabaFunding,ensureWabaFunding,getWabaUsage,listPortfolioAccounts,getPortfolioUsage,revokePortfolioFunding,getFundingOperation,getWorkflowDefinition,listWorkflowExecutionEvents,replaceWorkflowTriggers,listAgentModes,getAgentMode,listAgentModeSessions,getAgentSession,createAgentRun,getAgentRun,pauseAgentRun,resumeAgentRun,cancelAgentRun,approveAgentRunTool,rejectAgentRunTool,webhook,flowsDataEndpoint";

    /** The option names declared here. */
    public static final Set<String> NAMES = Set.of(
            "actionId",
            "active",
            "after",
            "app",
            "appSlug",
            "approvalId",
            "around",
            "assignedUserId",
            "assignmentId",
            "before",
            "broadcastId",
            "businessScopedUserId",
            "callId",
            "category",
            "conversationId",
            "createdAfter",
            "createdBefore",
            "cursor",
            "customerExternalId",
            "destinationId",
            "direction",
            "endTime",
            "endpoint",
            "errorsOnly",
            "event",
            "eventType",
            "executionId",
            "externalCustomerId",
            "fields",
            "findingId",
            "flowId",
            "functionId",
            "hasCustomer",
            "hasMedia",
            "highlightEventId",
            "highlightResourceId",
            "hsmId",
            "id",
            "idempotencyKey",
            "identifier",
            "inboxEmbedId",
            "includeArchived",
            "includeSipCredentials",
            "integrationId",
            "kind",
            "language",
            "lastActiveAfter",
            "lastActiveBefore",
            "lastActiveSince",
            "lastActiveUntil",
            "limit",
            "mediaId",
            "messageId",
            "messageType",
            "messagingEnabled",
            "mode",
            "name",
            "nameContains",
            "occurredAfter",
            "occurredBefore",
            "offset",
            "operationId",
            "order",
            "page",
            "perPage",
            "period",
            "phoneNumber",
            "portfolioId",
            "problemsOnly",
            "profileNameContains",
            "providerType",
            "query",
            "requestId",
            "scopeId",
            "scopeType",
            "secretName",
            "select",
            "setupLinkId",
            "since",
            "source",
            "startTime",
            "status",
            "statusCode",
            "table",
            "templateId",
            "token",
            "triggerId",
            "unassigned",
            "until",
            "urlContains",
            "userWaId",
            "versionId",
            "voiceAgentId",
            "waId",
            "waIdContains",
            "wabaId",
            "waitingReason",
            "webhookId",
            "whatsappConversationId",
            "workflowId");

    @UriParam(label = "operation", description = "Operation parameter: the path parameter action_id of configureActionProp, getActionSchema, reloadActionProps. Also read from the header CamelKapsoActionId.")
    private String actionId;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter active of listWebhooks. Also read from the header CamelKapsoActive.")
    private String active;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter after of listCalls, listContacts, listConversations, listFlows, listFlowsForPhoneNumber, listMessages, listTemplates, listApiLogs, listProjectConversations, listConversationWorkflowExecutions, listWorkflowExecutions, listProjectMessages, listWebhookDeliveries, listProjectContacts, listEvents, listFindings, listPortfolioAccounts, listWorkflowExecutionEvents, listAgentModeSessions, getAgentSession. Also read from the header CamelKapsoAfter.")
    private String after;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter app of listConnectedAccounts. Also read from the header CamelKapsoApp.")
    private String app;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter app_slug of listActions, listConnectedAccounts. Also read from the header CamelKapsoAppSlug.")
    private String appSlug;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter approval_id of approveAgentRunTool, rejectAgentRunTool. Also read from the header CamelKapsoApprovalId.")
    private String approvalId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter around of searchLogs. Also read from the header CamelKapsoAround.")
    private String around;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter assigned_user_id of listConversations, listProjectConversations, listInboxEmbeds. Also read from the header CamelKapsoAssignedUserId.")
    private String assignedUserId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter assignment_id of deleteVoiceAgentPhoneNumberAssignment, updateVoiceAgentPhoneNumberAssignment. Also read from the header CamelKapsoAssignmentId.")
    private String assignmentId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter before of listCalls, listContacts, listConversations, listMessages, listTemplates, listApiLogs, listProjectConversations, listConversationWorkflowExecutions, listWorkflowExecutions, listProjectMessages, listWebhookDeliveries, listProjectContacts, listEvents, listFindings, listPortfolioAccounts, listWorkflowExecutionEvents, listAgentModeSessions, getAgentSession. Also read from the header CamelKapsoBefore.")
    private String before;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter broadcast_id of addBroadcastRecipients, getBroadcast, listBroadcastRecipients, sendBroadcast, updateBroadcastStatus, clearBroadcastRecipients, scheduleBroadcast, cancelBroadcast. Also read from the header CamelKapsoBroadcastId.")
    private String broadcastId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter business_scoped_user_id of listProjectMessages, listProjectContacts. Also read from the header CamelKapsoBusinessScopedUserId.")
    private String businessScopedUserId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter call_id of listCalls. Also read from the header CamelKapsoCallId.")
    private String callId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter category of listTemplates. Also read from the header CamelKapsoCategory.")
    private String category;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter conversation_id of getConversation, createConversationAssignment, getProjectConversation, getConversationAssignment, listConversationAssignments, updateConversationAssignment, updateConversationStatus, listConversationWorkflowExecutions, getConversationById, updateConversation; the query parameter conversation_id of listMessages, listProjectMessages, listEvents. Also read from the header CamelKapsoConversationId.")
    private String conversationId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter created_after of listBroadcasts, listProjectConversations, listCustomers, listWorkflowExecutions, listWorkflows, listProjectPhoneNumbers, listSetupLinks, listWebhooks, listWhatsappFlows, listProjectContacts. Also read from the header CamelKapsoCreatedAfter.")
    private String createdAfter;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter created_before of listBroadcasts, listProjectConversations, listCustomers, listWorkflowExecutions, listWorkflows, listProjectPhoneNumbers, listSetupLinks, listWebhooks, listWhatsappFlows, listProjectContacts. Also read from the header CamelKapsoCreatedBefore.")
    private String createdBefore;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter cursor of searchLogs. Also read from the header CamelKapsoCursor.")
    private String cursor;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter customer_external_id of listProjectContacts. Also read from the header CamelKapsoCustomerExternalId.")
    private String customerExternalId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter destination_id of deleteNotificationDestination. Also read from the header CamelKapsoDestinationId.")
    private String destinationId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter direction of listCalls, listMessages, listProjectMessages. Also read from the header CamelKapsoDirection.")
    private String direction;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter end_time of getWabaUsage, getPortfolioUsage. Required by getWabaUsage, getPortfolioUsage. Also read from the header CamelKapsoEndTime.")
    private String endTime;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter endpoint of listApiLogs. Also read from the header CamelKapsoEndpoint.")
    private String endpoint;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter errors_only of listApiLogs, listWebhookDeliveries, searchLogs. Also read from the header CamelKapsoErrorsOnly.")
    private String errorsOnly;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter event of listWebhookDeliveries. Also read from the header CamelKapsoEvent.")
    private String event;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter event_type of listWorkflowExecutionEvents. Also read from the header CamelKapsoEventType.")
    private String eventType;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter execution_id of resumeWorkflowExecution, getWorkflowExecution, updateWorkflowExecutionStatus, listWorkflowExecutionEvents. Also read from the header CamelKapsoExecutionId.")
    private String executionId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter external_customer_id of listCustomers. Also read from the header CamelKapsoExternalCustomerId.")
    private String externalCustomerId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter fields of getBusinessProfile, listCalls, getContact, listContacts, getConversation, listConversations, getFlow, listMessages, getPhoneNumber, listPhoneNumbers, getMessage, getTemplate. Also read from the header CamelKapsoFields.")
    private String fields;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter finding_id of getFinding, getFindingEvidence, startFindingInvestigation, dismissFinding, markFindingAddressed. Also read from the header CamelKapsoFindingId.")
    private String findingId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter flow_id of deleteFlow, deprecateFlow, getFlowAssets, getFlow, publishFlow, updateFlowMetadata, uploadFlowJson, createWhatsappFlowVersion, setFlowDataEndpointCode, deployFlowDataEndpoint, getFlowDataEndpoint, getWhatsappFlow, getWhatsappFlowVersion, getFlowFunctionInvocations, getFlowFunctionLogs, listWhatsappFlowVersions, publishWhatsappFlow, registerFlowDataEndpoint, setupFlowEncryption, attachFlowDataEndpoint. Also read from the header CamelKapsoFlowId.")
    private String flowId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter function_id of createFunctionSecret, deleteFunction, deleteFunctionSecret, deployFunction, invokeFunction, listFunctionInvocations, listFunctionSecrets, getFunction, updateFunction. Also read from the header CamelKapsoFunctionId.")
    private String functionId;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter has_customer of listContacts, listProjectContacts. Also read from the header CamelKapsoHasCustomer.")
    private String hasCustomer;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter has_media of listProjectMessages. Also read from the header CamelKapsoHasMedia.")
    private String hasMedia;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter highlight_event_id of searchLogs. Also read from the header CamelKapsoHighlightEventId.")
    private String highlightEventId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter highlight_resource_id of searchLogs. Also read from the header CamelKapsoHighlightResourceId.")
    private String highlightResourceId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter hsm_id of deleteTemplate, updateTemplate. Required by updateTemplate. Also read from the header CamelKapsoHsmId.")
    private String hsmId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter id of getConversationAssignment, updateConversationAssignment, getRow, getEventDefinition, updateEventDefinition, deleteEventDefinition, deleteNotificationRoute, getAgentSession, getAgentRun, pauseAgentRun, resumeAgentRun, cancelAgentRun, approveAgentRunTool, rejectAgentRunTool. Also read from the header CamelKapsoId.")
    private String id;

    @UriParam(label = "operation", description = "Operation parameter: the HTTP header Idempotency-Key of revokePortfolioFunding. Required by revokePortfolioFunding. Also read from the header CamelKapsoIdempotencyKey.")
    private String idempotencyKey;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter identifier of getProjectContact, updateProjectContact, eraseContact, listMarketingPreferences, getMarketingPreference. Also read from the header CamelKapsoIdentifier.")
    private String identifier;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter inbox_embed_id of getInboxEmbed, updateInboxEmbed, revokeInboxEmbed. Also read from the header CamelKapsoInboxEmbedId.")
    private String inboxEmbedId;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter include_archived of listEventDefinitions. Also read from the header CamelKapsoIncludeArchived.")
    private String includeArchived;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter include_sip_credentials of getNumberSettings. Also read from the header CamelKapsoIncludeSipCredentials.")
    private String includeSipCredentials;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter integration_id of deleteIntegration, updateIntegration. Also read from the header CamelKapsoIntegrationId.")
    private String integrationId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter kind of listProjectWebhooks, listWebhooks. Also read from the header CamelKapsoKind.")
    private String kind;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter language of deleteTemplate, listTemplates. Also read from the header CamelKapsoLanguage.")
    private String language;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter last_active_after of listProjectConversations. Also read from the header CamelKapsoLastActiveAfter.")
    private String lastActiveAfter;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter last_active_before of listProjectConversations. Also read from the header CamelKapsoLastActiveBefore.")
    private String lastActiveBefore;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter last_active_since of listConversations. Also read from the header CamelKapsoLastActiveSince.")
    private String lastActiveSince;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter last_active_until of listConversations. Also read from the header CamelKapsoLastActiveUntil.")
    private String lastActiveUntil;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter limit of listCalls, listContacts, listConversations, listFlows, listFlowsForPhoneNumber, listMessages, listTemplates, listApiLogs, listProjectConversations, queryRows, listFunctionInvocations, listConversationWorkflowExecutions, listWorkflowExecutions, listApps, listProjectMessages, listWebhookDeliveries, getFlowFunctionInvocations, getFlowFunctionLogs, listProjectContacts, listEvents, searchLogs, listFindings, listPortfolioAccounts, listWorkflowExecutionEvents, listAgentModeSessions, getAgentSession. Also read from the header CamelKapsoLimit.")
    private Integer limit;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter media_id of deleteMedia, getMediaUrl. Also read from the header CamelKapsoMediaId.")
    private String mediaId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter message_id of getProjectMessage, getMessage. Also read from the header CamelKapsoMessageId.")
    private String messageId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter message_type of listProjectMessages. Also read from the header CamelKapsoMessageType.")
    private String messageType;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter messaging_enabled of listProjectPhoneNumbers. Also read from the header CamelKapsoMessagingEnabled.")
    private String messagingEnabled;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter mode of getAgentMode, listAgentModeSessions. Also read from the header CamelKapsoMode.")
    private String mode;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter name of deleteTemplate, listTemplates, listEvents. Also read from the header CamelKapsoName.")
    private String name;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter name_contains of listCustomers, listWorkflows, listProjectPhoneNumbers, listWhatsappFlows. Also read from the header CamelKapsoNameContains.")
    private String nameContains;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter occurred_after of listEvents. Also read from the header CamelKapsoOccurredAfter.")
    private String occurredAfter;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter occurred_before of listEvents. Also read from the header CamelKapsoOccurredBefore.")
    private String occurredBefore;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter offset of queryRows. Also read from the header CamelKapsoOffset.")
    private Integer offset;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter operation_id of getFundingOperation. Also read from the header CamelKapsoOperationId.")
    private String operationId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter order of listTemplates, queryRows. Also read from the header CamelKapsoOrder.")
    private String order;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter page of listBroadcasts, listBroadcastRecipients, listConversationAssignments, listCustomers, listDisplayNameRequests, listVoiceAgents, listProjectPhoneNumbers, listSetupLinks, listProjectUsers, listProjectWebhooks, listWebhooks, listWhatsappFlowVersions, listWhatsappFlows, listProjectContacts, listInboxEmbeds, listAgentModeSessions, getAgentSession. Also read from the header CamelKapsoPage.")
    private Integer page;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter per_page of listBroadcasts, listBroadcastRecipients, listConversationAssignments, listCustomers, listDisplayNameRequests, listVoiceAgents, listProjectPhoneNumbers, listSetupLinks, listProjectUsers, listProjectWebhooks, listWebhooks, listWhatsappFlowVersions, listWhatsappFlows, listProjectContacts, listInboxEmbeds, listAgentModeSessions, getAgentSession. Also read from the header CamelKapsoPerPage.")
    private Integer perPage;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter period of listApiLogs, listWebhookDeliveries, searchLogs. Also read from the header CamelKapsoPeriod.")
    private String period;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter phone_number of listConversations, listProjectConversations, listProjectMessages. Also read from the header CamelKapsoPhoneNumber.")
    private String phoneNumber;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter portfolio_id of listPortfolioAccounts, getPortfolioUsage, revokePortfolioFunding, getFundingOperation. Also read from the header CamelKapsoPortfolioId.")
    private String portfolioId;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter problems_only of searchLogs. Also read from the header CamelKapsoProblemsOnly.")
    private String problemsOnly;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter profile_name_contains of listProjectContacts. Also read from the header CamelKapsoProfileNameContains.")
    private String profileNameContains;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter provider_type of listVoiceAgents. Also read from the header CamelKapsoProviderType.")
    private String providerType;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter query of listActions, listApps, searchLogs. Also read from the header CamelKapsoQuery.")
    private String query;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter request_id of getDisplayNameRequest. Also read from the header CamelKapsoRequestId.")
    private String requestId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter scope_id of listInboxEmbeds. Also read from the header CamelKapsoScopeId.")
    private String scopeId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter scope_type of listInboxEmbeds. Also read from the header CamelKapsoScopeType.")
    private String scopeType;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter secret_name of deleteFunctionSecret. Also read from the header CamelKapsoSecretName.")
    private String secretName;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter select of queryRows. Also read from the header CamelKapsoSelect.")
    private String select;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter setup_link_id of updateSetupLink. Also read from the header CamelKapsoSetupLinkId.")
    private String setupLinkId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter since of listCalls, listMessages. Also read from the header CamelKapsoSince.")
    private String since;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter source of searchLogs. Also read from the header CamelKapsoSource.")
    private String source;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter start_time of getWabaUsage, getPortfolioUsage. Required by getWabaUsage, getPortfolioUsage. Also read from the header CamelKapsoStartTime.")
    private String startTime;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter status of listCalls, listConversations, listMessages, listTemplates, listBroadcasts, listProjectConversations, listFunctionInvocations, listConversationWorkflowExecutions, listWorkflowExecutions, listWorkflows, listProjectMessages, listSetupLinks, listWebhookDeliveries, getFlowFunctionInvocations, listWhatsappFlows, listInboxEmbeds. Also read from the header CamelKapsoStatus.")
    private String status;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter status_code of listApiLogs. Also read from the header CamelKapsoStatusCode.")
    private Integer statusCode;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter table of deleteRows, getRow, insertRows, queryRows, updateRows, upsertRows. Also read from the header CamelKapsoTable.")
    private String table;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter template_id of getTemplate. Also read from the header CamelKapsoTemplateId.")
    private String templateId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter token of downloadMedia. Required by downloadMedia. Also read from the header CamelKapsoToken.")
    private String token;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter trigger_id of deleteWorkflowTrigger, updateWorkflowTrigger. Also read from the header CamelKapsoTriggerId.")
    private String triggerId;

    @UriParam(label = "operation", enums = "true,false", description = "Operation parameter: the query parameter unassigned of listConversations, listProjectConversations. Also read from the header CamelKapsoUnassigned.")
    private String unassigned;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter until of listCalls, listMessages. Also read from the header CamelKapsoUntil.")
    private String until;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter url_contains of listWebhooks. Also read from the header CamelKapsoUrlContains.")
    private String urlContains;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter user_wa_id of getCallPermissions. Required by getCallPermissions. Also read from the header CamelKapsoUserWaId.")
    private String userWaId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter version_id of getWhatsappFlowVersion. Also read from the header CamelKapsoVersionId.")
    private String versionId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter voice_agent_id of assignVoiceAgentPhoneNumber, deleteVoiceAgent, deleteVoiceAgentPhoneNumberAssignment, listVoiceAgentPhoneNumbers, getVoiceAgent, updateVoiceAgent, updateVoiceAgentPhoneNumberAssignment. Also read from the header CamelKapsoVoiceAgentId.")
    private String voiceAgentId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter wa_id of getContact, updateContact; the query parameter wa_id of listContacts. Also read from the header CamelKapsoWaId.")
    private String waId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter wa_id_contains of listProjectContacts. Also read from the header CamelKapsoWaIdContains.")
    private String waIdContains;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter waba_id of getWabaFunding, ensureWabaFunding, getWabaUsage. Also read from the header CamelKapsoWabaId.")
    private String wabaId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter waiting_reason of listWorkflowExecutions. Also read from the header CamelKapsoWaitingReason.")
    private String waitingReason;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter webhook_id of deleteProjectWebhook, deleteWebhook, getProjectWebhook, getWebhook, testProjectWebhook, updateProjectWebhook, updateWebhook; the query parameter webhook_id of listWebhookDeliveries. Also read from the header CamelKapsoWebhookId.")
    private String webhookId;

    @UriParam(label = "operation", description = "Operation parameter: the query parameter whatsapp_conversation_id of listWorkflowExecutions. Also read from the header CamelKapsoWhatsappConversationId.")
    private String whatsappConversationId;

    @UriParam(label = "operation", description = "Operation parameter: the path parameter workflow_id of createWorkflowTrigger, listWorkflowTriggers, getWorkflowVariables, listWorkflowExecutions, getWorkflow, startWorkflowExecution, updateWorkflow, getWorkflowDefinition, replaceWorkflowTriggers. Also read from the header CamelKapsoWorkflowId.")
    private String workflowId;

    public String getActionId() {
        return actionId;
    }

    public void setActionId(String actionId) {
        this.actionId = actionId;
    }

    public String getActive() {
        return active;
    }

    public void setActive(String active) {
        this.active = active;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getAppSlug() {
        return appSlug;
    }

    public void setAppSlug(String appSlug) {
        this.appSlug = appSlug;
    }

    public String getApprovalId() {
        return approvalId;
    }

    public void setApprovalId(String approvalId) {
        this.approvalId = approvalId;
    }

    public String getAround() {
        return around;
    }

    public void setAround(String around) {
        this.around = around;
    }

    public String getAssignedUserId() {
        return assignedUserId;
    }

    public void setAssignedUserId(String assignedUserId) {
        this.assignedUserId = assignedUserId;
    }

    public String getAssignmentId() {
        return assignmentId;
    }

    public void setAssignmentId(String assignmentId) {
        this.assignmentId = assignmentId;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getBroadcastId() {
        return broadcastId;
    }

    public void setBroadcastId(String broadcastId) {
        this.broadcastId = broadcastId;
    }

    public String getBusinessScopedUserId() {
        return businessScopedUserId;
    }

    public void setBusinessScopedUserId(String businessScopedUserId) {
        this.businessScopedUserId = businessScopedUserId;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getCreatedAfter() {
        return createdAfter;
    }

    public void setCreatedAfter(String createdAfter) {
        this.createdAfter = createdAfter;
    }

    public String getCreatedBefore() {
        return createdBefore;
    }

    public void setCreatedBefore(String createdBefore) {
        this.createdBefore = createdBefore;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getCustomerExternalId() {
        return customerExternalId;
    }

    public void setCustomerExternalId(String customerExternalId) {
        this.customerExternalId = customerExternalId;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getErrorsOnly() {
        return errorsOnly;
    }

    public void setErrorsOnly(String errorsOnly) {
        this.errorsOnly = errorsOnly;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getExecutionId() {
        return executionId;
    }

    public void setExecutionId(String executionId) {
        this.executionId = executionId;
    }

    public String getExternalCustomerId() {
        return externalCustomerId;
    }

    public void setExternalCustomerId(String externalCustomerId) {
        this.externalCustomerId = externalCustomerId;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getFindingId() {
        return findingId;
    }

    public void setFindingId(String findingId) {
        this.findingId = findingId;
    }

    public String getFlowId() {
        return flowId;
    }

    public void setFlowId(String flowId) {
        this.flowId = flowId;
    }

    public String getFunctionId() {
        return functionId;
    }

    public void setFunctionId(String functionId) {
        this.functionId = functionId;
    }

    public String getHasCustomer() {
        return hasCustomer;
    }

    public void setHasCustomer(String hasCustomer) {
        this.hasCustomer = hasCustomer;
    }

    public String getHasMedia() {
        return hasMedia;
    }

    public void setHasMedia(String hasMedia) {
        this.hasMedia = hasMedia;
    }

    public String getHighlightEventId() {
        return highlightEventId;
    }

    public void setHighlightEventId(String highlightEventId) {
        this.highlightEventId = highlightEventId;
    }

    public String getHighlightResourceId() {
        return highlightResourceId;
    }

    public void setHighlightResourceId(String highlightResourceId) {
        this.highlightResourceId = highlightResourceId;
    }

    public String getHsmId() {
        return hsmId;
    }

    public void setHsmId(String hsmId) {
        this.hsmId = hsmId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getInboxEmbedId() {
        return inboxEmbedId;
    }

    public void setInboxEmbedId(String inboxEmbedId) {
        this.inboxEmbedId = inboxEmbedId;
    }

    public String getIncludeArchived() {
        return includeArchived;
    }

    public void setIncludeArchived(String includeArchived) {
        this.includeArchived = includeArchived;
    }

    public String getIncludeSipCredentials() {
        return includeSipCredentials;
    }

    public void setIncludeSipCredentials(String includeSipCredentials) {
        this.includeSipCredentials = includeSipCredentials;
    }

    public String getIntegrationId() {
        return integrationId;
    }

    public void setIntegrationId(String integrationId) {
        this.integrationId = integrationId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getLastActiveAfter() {
        return lastActiveAfter;
    }

    public void setLastActiveAfter(String lastActiveAfter) {
        this.lastActiveAfter = lastActiveAfter;
    }

    public String getLastActiveBefore() {
        return lastActiveBefore;
    }

    public void setLastActiveBefore(String lastActiveBefore) {
        this.lastActiveBefore = lastActiveBefore;
    }

    public String getLastActiveSince() {
        return lastActiveSince;
    }

    public void setLastActiveSince(String lastActiveSince) {
        this.lastActiveSince = lastActiveSince;
    }

    public String getLastActiveUntil() {
        return lastActiveUntil;
    }

    public void setLastActiveUntil(String lastActiveUntil) {
        this.lastActiveUntil = lastActiveUntil;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
    }

    public String getMessagingEnabled() {
        return messagingEnabled;
    }

    public void setMessagingEnabled(String messagingEnabled) {
        this.messagingEnabled = messagingEnabled;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameContains() {
        return nameContains;
    }

    public void setNameContains(String nameContains) {
        this.nameContains = nameContains;
    }

    public String getOccurredAfter() {
        return occurredAfter;
    }

    public void setOccurredAfter(String occurredAfter) {
        this.occurredAfter = occurredAfter;
    }

    public String getOccurredBefore() {
        return occurredBefore;
    }

    public void setOccurredBefore(String occurredBefore) {
        this.occurredBefore = occurredBefore;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getPerPage() {
        return perPage;
    }

    public void setPerPage(Integer perPage) {
        this.perPage = perPage;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getPortfolioId() {
        return portfolioId;
    }

    public void setPortfolioId(String portfolioId) {
        this.portfolioId = portfolioId;
    }

    public String getProblemsOnly() {
        return problemsOnly;
    }

    public void setProblemsOnly(String problemsOnly) {
        this.problemsOnly = problemsOnly;
    }

    public String getProfileNameContains() {
        return profileNameContains;
    }

    public void setProfileNameContains(String profileNameContains) {
        this.profileNameContains = profileNameContains;
    }

    public String getProviderType() {
        return providerType;
    }

    public void setProviderType(String providerType) {
        this.providerType = providerType;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getScopeId() {
        return scopeId;
    }

    public void setScopeId(String scopeId) {
        this.scopeId = scopeId;
    }

    public String getScopeType() {
        return scopeType;
    }

    public void setScopeType(String scopeType) {
        this.scopeType = scopeType;
    }

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getSelect() {
        return select;
    }

    public void setSelect(String select) {
        this.select = select;
    }

    public String getSetupLinkId() {
        return setupLinkId;
    }

    public void setSetupLinkId(String setupLinkId) {
        this.setupLinkId = setupLinkId;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(Integer statusCode) {
        this.statusCode = statusCode;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getTriggerId() {
        return triggerId;
    }

    public void setTriggerId(String triggerId) {
        this.triggerId = triggerId;
    }

    public String getUnassigned() {
        return unassigned;
    }

    public void setUnassigned(String unassigned) {
        this.unassigned = unassigned;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getUrlContains() {
        return urlContains;
    }

    public void setUrlContains(String urlContains) {
        this.urlContains = urlContains;
    }

    public String getUserWaId() {
        return userWaId;
    }

    public void setUserWaId(String userWaId) {
        this.userWaId = userWaId;
    }

    public String getVersionId() {
        return versionId;
    }

    public void setVersionId(String versionId) {
        this.versionId = versionId;
    }

    public String getVoiceAgentId() {
        return voiceAgentId;
    }

    public void setVoiceAgentId(String voiceAgentId) {
        this.voiceAgentId = voiceAgentId;
    }

    public String getWaId() {
        return waId;
    }

    public void setWaId(String waId) {
        this.waId = waId;
    }

    public String getWaIdContains() {
        return waIdContains;
    }

    public void setWaIdContains(String waIdContains) {
        this.waIdContains = waIdContains;
    }

    public String getWabaId() {
        return wabaId;
    }

    public void setWabaId(String wabaId) {
        this.wabaId = wabaId;
    }

    public String getWaitingReason() {
        return waitingReason;
    }

    public void setWaitingReason(String waitingReason) {
        this.waitingReason = waitingReason;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getWhatsappConversationId() {
        return whatsappConversationId;
    }

    public void setWhatsappConversationId(String whatsappConversationId) {
        this.whatsappConversationId = whatsappConversationId;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }
}
