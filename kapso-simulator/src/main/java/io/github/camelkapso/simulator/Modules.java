package io.github.camelkapso.simulator;

import java.util.ArrayList;
import java.util.List;

/** The resource modules that together serve the whole catalog. */
final class Modules {

    private Modules() {
    }

    static List<SimulatorModule> all() {
        List<SimulatorModule> modules = new ArrayList<>();
        modules.add(new io.github.camelkapso.simulator.ops.ProjectSeed());
        modules.add(new io.github.camelkapso.simulator.ops.platform.CustomersModule());
        modules.add(new io.github.camelkapso.simulator.ops.messaging.MessagesModule());
        modules.add(new io.github.camelkapso.simulator.ops.messaging.ConversationsModule());
        modules.add(new io.github.camelkapso.simulator.ops.messaging.AssignmentsModule());
        modules.add(new io.github.camelkapso.simulator.ops.messaging.ContactsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.PhoneNumbersModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.BroadcastsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.DisplayNamesModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.ProjectUsersModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.ApiLogsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.InboxEmbedsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.ProjectEventsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.FindingsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.NotificationsModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.FundingModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.LogSearchModule());
        modules.add(new io.github.camelkapso.simulator.ops.platform.ProviderModelsModule());
        modules.add(new io.github.camelkapso.simulator.webhooks.WebhooksModule());
        modules.add(new io.github.camelkapso.simulator.webhooks.inbound.InboundModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.MediaModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.TemplatesModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.MetaFlowsModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.BusinessProfileModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.MetaPhoneNumbersModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.CallsModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.BlockedUsersModule());
        modules.add(new io.github.camelkapso.simulator.ops.meta.UsernamesModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.FunctionsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.VoiceAgentsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.WorkflowsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.WorkflowTriggersModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.WorkflowExecutionsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.IntegrationsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.DatabaseModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.WhatsappFlowsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.FlowDataEndpointsModule());
        modules.add(new io.github.camelkapso.simulator.ops.automation.KapsoAgentModule());
        return modules;
    }
}
