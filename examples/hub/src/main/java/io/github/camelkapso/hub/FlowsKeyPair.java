package io.github.camelkapso.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RSA key pair of the hub's Flows data endpoint: created on first start in the data directory (private key
 * readable by the owner only), reused afterwards. Upload the public key to Meta (Kapso's setupFlowEncryption does it
 * for Kapso-managed numbers) so WhatsApp encrypts data-endpoint requests for this hub.
 */
final class FlowsKeyPair {

    static final String PRIVATE_KEY_FILE = "flows-private-key.pem";
    static final String PUBLIC_KEY_FILE = "flows-public-key.pem";

    private FlowsKeyPair() {
    }

    /** The private key file, created with its public key when missing. */
    static Path ensure(Path dataDir) {
        Path privateKey = dataDir.resolve(PRIVATE_KEY_FILE);
        if (Files.exists(privateKey)) {
            return privateKey;
        }
        try {
            Files.createDirectories(dataDir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(dataDir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file system's ACLs apply
            }
            return privateKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the Flows key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Flows key pair to " + dataDir, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
