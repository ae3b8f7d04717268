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
