package io.github.camelkapso.simulator.ops.automation;

/** Names of the stores the automation modules keep (functions, workflows, voice agents, integrations, agent runs). */
final class AutomationStores {

    static final String FUNCTIONS = "functions";
    static final String FUNCTION_INVOCATIONS = "function_invocations";
    static final String FUNCTION_SECRETS = "function_secrets";
    static final String VOICE_AGENTS = "voice_agents";
    static final String VOICE_AGENT_NUMBERS = "voice_agent_phone_numbers";
    static final String WORKFLOWS = "workflows";
    static final String WORKFLOW_TRIGGERS = "workflow_triggers";
    static final String WORKFLOW_EXECUTIONS = "workflow_executions";
    static final String WORKFLOW_EVENTS = "workflow_execution_events";
    static final String INTEGRATIONS = "integrations";
    static final String CONNECTED_ACCOUNTS = "integration_accounts";
    static final String AGENT_SESSIONS = "agent_sessions";
    static final String AGENT_RUNS = "agent_runs";
    /** Prefix of the store holding the rows of one database table: {@code db.<table>}. */
    static final String TABLE_PREFIX = "db.";

    private AutomationStores() {
    }
}
