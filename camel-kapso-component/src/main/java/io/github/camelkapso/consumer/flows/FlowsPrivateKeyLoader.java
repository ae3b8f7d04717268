package io.github.camelkapso.consumer.flows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelkapso.consumer.flows.crypto.FlowsPrivateKeyException;
import io.github.camelkapso.consumer.flows.crypto.PemPrivateKeyReader;
import io.github.camelkapso.consumer.flows.crypto.PemPrivateKeyReader.ParsedKey;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/** Loads the business private key from flowsPrivateKey or flowsPrivateKeyFile, with the optional passphrase. */
final class FlowsPrivateKeyLoader {

    private FlowsPrivateKeyLoader() {
    }

    static ParsedKey load(CamelContext context, KapsoFlowsConfiguration cfg) {
        String inline = cfg.getFlowsPrivateKey();
        String file = cfg.getFlowsPrivateKeyFile();
        boolean hasInline = inline != null && !inline.isBlank();
        boolean hasFile = file != null && !file.isBlank();
        if (hasInline && hasFile) {
            throw new FlowsPrivateKeyException(
                    "kapso:flowsDataEndpoint has both flowsPrivateKey and flowsPrivateKeyFile; set one");
        }
        if (!hasInline && !hasFile) {
            throw new FlowsPrivateKeyException("kapso:flowsDataEndpoint needs the business private key that WhatsApp encrypts"
                                               + " requests for: set flowsPrivateKey (PEM text) or flowsPrivateKeyFile");
        }
        String source = hasInline ? "flowsPrivateKey" : "flowsPrivateKeyFile " + file;
        String pem = hasInline ? inline : readFile(context, file.trim());
        String passphrase = cfg.getFlowsPrivateKeyPassphrase();
        try {
            return PemPrivateKeyReader.read(pem, passphrase == null ? null : passphrase.toCharArray());
        } catch (FlowsPrivateKeyException e) {
            throw new FlowsPrivateKeyException("kapso:flowsDataEndpoint cannot use the private key from " + source + ": "
                                               + e.getMessage(), e.getCause());
        }
    }

    /** A Camel resource URI (classpath:, file:, ...) or a plain file system path. */
    private static String readFile(CamelContext context, String location) {
        try {
            if (ResourceHelper.hasScheme(location)) {
                try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, location)) {
                    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
            }
            return Files.readString(Path.of(location), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            throw new FlowsPrivateKeyException("kapso:flowsDataEndpoint cannot read flowsPrivateKeyFile " + location + ": "
                                               + e.getClass().getSimpleName()
                                               + (e.getMessage() != null ? " " + e.getMessage() : ""), e);
        }
    }
}
