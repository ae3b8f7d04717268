package io.github.camelkapso.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's YAML route file, loaded by camel-yaml-dsl, writes a signed delivery. */
class KapsoEventWriterYamlTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void theYamlRouteWritesEventsAndDeduplicatesOnTheDatabase(String vendor) throws Exception {
        try (TestDatabase database = TestDatabase.migrated(vendor);
             SignedWebhook webhook = new SignedWebhook(new RouteBuilder() {
                 @Override
                 public void configure() throws Exception {
                     Properties properties = new Properties();
                     properties.setProperty("kapso.webhook.secret", SignedWebhook.SECRET);
                     getContext().getPropertiesComponent().setInitialProperties(properties);
                     getContext().getRegistry().bind("kapsoDb", database.dataSource());
                     PluginHelper.getRoutesLoader(getContext()).loadRoutes(
                             PluginHelper.getResourceLoader(getContext()).resolveResource("classpath:routes/kapso-events-to-jdbc.yaml"));
                 }
             })) {
            String message = Deliveries.text("wamid.Y1", "15551234567", "From YAML", 1730092800);
            assertThat(webhook.deliver("/kapso/events", "whatsapp.message.received", message)).isEqualTo(200);
            assertThat(webhook.deliver("/kapso/events", "whatsapp.message.received", message)).isEqualTo(200);

            assertThat(database.count("kapso_events")).isEqualTo(1);
            assertThat(database.row("SELECT text_body FROM kapso_messages")).containsEntry("text_body", "From YAML");
            assertThat(database.row("SELECT repository_name, idempotency_key FROM kapso_idempotent_keys WHERE confirmed_at IS NOT NULL"))
                    .containsEntry("repository_name", "kapso-events")
                    .containsEntry("idempotency_key", "message:wamid.Y1:whatsapp.message.received");
        }
    }
}
