package io.github.camelkapso.simulator.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorConfig;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The project a fresh simulator starts with: a customer, a WhatsApp Business account, one connected phone number,
 * an approved template ({@code order_update}, body "Hi {{1}}, your order {{2}} has shipped.") and a published
 * sample Flow ({@code sample_survey}) with a one-screen Flow JSON.
 */
public final class ProjectSeed implements SimulatorModule {

    public static final String SAMPLE_TEMPLATE = "order_update";
    public static final String SAMPLE_FLOW = "sample_survey";

    @Override
    public void register(io.github.camelkapso.simulator.ops.HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        SimulatorConfig cfg = ctx.config();
        SimState state = ctx.state();
        String now = ctx.clock().iso();

        ObjectNode customer = Crud.newRecord(ctx, Ids.uuid(), null);
        customer.put("name", "Simulator Customer");
        customer.put("external_customer_id", "sim-customer");
        state.store(Stores.CUSTOMERS).put(customer);

        ObjectNode waba = SimState.object();
        waba.put("id", cfg.businessAccountId());
        waba.put("name", "Kapso Simulator WABA");
        waba.put("currency", "USD");
        waba.put("timezone_id", "1");
        waba.put("message_template_namespace", Ids.uuid().replace("-", "_"));
        waba.put("created_at", now);
        state.store(Stores.BUSINESS_ACCOUNTS).put(waba);

        ObjectNode phone = SimState.object();
        phone.put("id", cfg.phoneNumberId());
        phone.put("phone_number_id", cfg.phoneNumberId());
        phone.put("internal_id", Ids.uuid());
        phone.put("business_account_id", cfg.businessAccountId());
        phone.put("customer_id", customer.path("id").asText());
        phone.put("display_phone_number", cfg.displayPhoneNumber());
        phone.put("display_phone_number_normalized", cfg.displayPhoneNumber().replaceAll("[^0-9]", ""));
        phone.put("verified_name", "Kapso Simulator");
        phone.put("display_name", "Kapso Simulator");
        phone.put("name", "Simulator number");
        phone.put("name_status", "APPROVED");
        phone.put("quality_rating", "GREEN");
        phone.put("code_verification_status", "VERIFIED");
        phone.put("status", "CONNECTED");
        phone.put("platform_type", "CLOUD_API");
        phone.put("throughput_tier", "STANDARD");
        phone.putObject("throughput").put("level", "STANDARD");
        phone.put("messaging_enabled", true);
        phone.put("inbound_processing_enabled", true);
        phone.put("calls_enabled", false);
        phone.put("is_coexistence", false);
        phone.put("is_official_business_account", false);
        phone.put("is_pin_enabled", false);
        phone.put("whatsapp_business_manager_messaging_limit", 1000);
        phone.put("webhook_verified_at", now);
        phone.put("created_at", now);
        phone.put("updated_at", now);
        state.store(Stores.PHONE_NUMBERS).put(phone);

        ObjectNode template = SimState.object();
        template.put("id", Ids.numeric());
        template.put("name", SAMPLE_TEMPLATE);
        template.put("language", "en_US");
        template.put("status", "APPROVED");
        template.put("category", "UTILITY");
        template.put("business_account_id", cfg.businessAccountId());
        ArrayNode components = template.putArray("components");
        ObjectNode body = components.addObject();
        body.put("type", "BODY");
        body.put("text", "Hi {{1}}, your order {{2}} has shipped.");
        body.putObject("example").putArray("body_text").addArray().add("Ana").add("A-1001");
        template.put("created_at", now);
        state.store(Stores.TEMPLATES).put(template);

        String metaFlowId = Ids.numeric();
        ObjectNode flow = SimState.object();
        flow.put("id", metaFlowId);
        flow.put("name", SAMPLE_FLOW);
        flow.put("status", "PUBLISHED");
        flow.putArray("categories").add("SURVEY");
        flow.putArray("validation_errors");
        flow.put("json_version", "7.0");
        flow.put("data_api_version", "3.0");
        flow.putNull("endpoint_uri");
        flow.put("business_account_id", cfg.businessAccountId());
        flow.set("flow_json", sampleFlowJson());
        flow.put("created_at", now);
        state.store(Stores.META_FLOWS).put(flow);

        ObjectNode platformFlow = SimState.object();
        platformFlow.put("id", Ids.uuid());
        platformFlow.put("meta_flow_id", metaFlowId);
        platformFlow.put("name", SAMPLE_FLOW);
        platformFlow.put("status", "published");
        platformFlow.put("business_account_id", cfg.businessAccountId());
        platformFlow.put("phone_number_id", cfg.phoneNumberId());
        platformFlow.put("json_version", "7.0");
        platformFlow.put("data_api_version", "3.0");
        platformFlow.put("has_data_endpoint", false);
        platformFlow.put("flows_encryption_configured", false);
        platformFlow.putNull("data_endpoint_url");
        platformFlow.putNull("data_endpoint_function_id");
        platformFlow.putNull("preview_url");
        platformFlow.put("published_at", now);
        platformFlow.put("last_synced_at", now);
        platformFlow.put("created_at", now);
        platformFlow.put("updated_at", now);
        state.store(Stores.WHATSAPP_FLOWS).put(platformFlow);
    }

    /** A one-screen survey Flow: a rating and a comment, completed with a footer button. */
    public static ObjectNode sampleFlowJson() {
        ObjectNode json = SimState.object();
        json.put("version", "7.0");
        ObjectNode screen = json.putArray("screens").addObject();
        screen.put("id", "RATE");
        screen.put("title", "How did we do?");
        screen.put("terminal", true);
        ObjectNode layout = screen.putObject("layout");
        layout.put("type", "SingleColumnLayout");
        ArrayNode children = layout.putArray("children");
        ObjectNode rating = children.addObject();
        rating.put("type", "RadioButtonsGroup");
        rating.put("name", "rating");
        rating.put("label", "Rating");
        ArrayNode options = rating.putArray("data-source");
        for (int i = 1; i <= 5; i++) {
            options.addObject().put("id", String.valueOf(i)).put("title", i + " stars");
        }
        ObjectNode comment = children.addObject();
        comment.put("type", "TextArea");
        comment.put("name", "comment");
        comment.put("label", "Comment");
        ObjectNode footer = children.addObject();
        footer.put("type", "Footer");
        footer.put("label", "Send");
        ObjectNode action = footer.putObject("on-click-action");
        action.put("name", "complete");
        action.putObject("payload").put("rating", "${form.rating}").put("comment", "${form.comment}");
        return json;
    }
}
