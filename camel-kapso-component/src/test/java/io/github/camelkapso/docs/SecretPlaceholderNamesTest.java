package io.github.camelkapso.docs;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.SensitiveUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property placeholder the docs give a secret option is a name Camel Main masks in its start-up summary: with
 * another name ({@code kapso.webhook-secret}) the value is printed in clear.
 */
class SecretPlaceholderNamesTest {

    /** {@code webhookSecret={{x}}} in a URI, or {@code webhookSecret: "{{x}}"} in YAML. */
    private static final Pattern OPTION_PLACEHOLDER = Pattern.compile("(\\w+)(?:=|:\\s*\"?)\\{\\{([^}]+)}}");

    @Test
    void everySecretOptionInTheDocsTakesAPlaceholderCamelMasks() throws Exception {
        Set<String> secretOptions = secretOptions();
        List<String> unmasked = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Path page : List.of(ComponentDocs.ADOC, Path.of("..", "README.md"))) {
            Matcher m = OPTION_PLACEHOLDER.matcher(Files.readString(page));
            while (m.find()) {
                if (secretOptions.contains(m.group(1))) {
                    checked.add(m.group(1) + "=" + m.group(2));
                    if (!SensitiveUtils.containsSensitive(m.group(2))) {
                        unmasked.add(page + ": " + m.group(1) + " takes {{" + m.group(2) + "}}");
                    }
                }
            }
        }
        assertThat(checked).as("secret options found with placeholders").hasSizeGreaterThanOrEqualTo(3);
        assertThat(unmasked).as("placeholders Camel prints in clear").isEmpty();
    }

    @Test
    void theNamesTheDocsRecommendAreMasked() {
        for (String name : List.of("kapso.api-key", "kapso.webhook.secret", "meta.webhook-verify-token", "meta.app.secret",
                "flows.private-key", "flows.key.passphrase", "flows.function.token")) {
            assertThat(SensitiveUtils.containsSensitive(name)).as(name).isTrue();
        }
        assertThat(SensitiveUtils.containsSensitive("kapso.webhook-secret")).as("the old name").isFalse();
    }

    private static Set<String> secretOptions() throws Exception {
        try (InputStream in = SecretPlaceholderNamesTest.class.getResourceAsStream(ComponentDocs.DESCRIPTOR)) {
            JsonNode descriptor = new ObjectMapper().readTree(in);
            Set<String> names = new TreeSet<>();
            for (Map.Entry<String, JsonNode> option : descriptor.path("properties").properties()) {
                if (option.getValue().path("secret").asBoolean()) {
                    names.add(option.getKey());
                }
            }
            return names;
        }
    }
}
