package io.github.camelkapso.consumer.flows;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the WhatsApp Flows data endpoint consumer ({@code kapso:flowsDataEndpoint}). */
@UriParams
public class KapsoFlowsConfiguration implements Cloneable {

    @UriParam(label = "consumer,flows,security", secret = true,
              description = "The business private key that decrypts WhatsApp Flows requests, as PEM text: PKCS#8"
                            + " (BEGIN PRIVATE KEY), encrypted PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY, with"
                            + " flowsPrivateKeyPassphrase) or PKCS#1 (BEGIN RSA PRIVATE KEY). Its public half must be the"
                            + " business public key registered with Meta for the phone number. Set this or"
                            + " flowsPrivateKeyFile; in an endpoint URI wrap it in RAW(...).")
    private String flowsPrivateKey;
    @UriParam(label = "consumer,flows,security",
              description = "File holding the business private key as PEM (same formats as flowsPrivateKey): a plain"
                            + " path, or a Camel resource URI such as classpath:keys/flows.pem or file:/etc/kapso/flows.pem.")
    private String flowsPrivateKeyFile;
    @UriParam(label = "consumer,flows,security", secret = true,
              description = "Passphrase of an encrypted PKCS#8 private key (BEGIN ENCRYPTED PRIVATE KEY).")
    private String flowsPrivateKeyPassphrase;
    @UriParam(label = "consumer,flows,security", secret = true,
              description = "Secret of the Meta app connected to the flow. When set, every request must carry"
                            + " X-Hub-Signature-256: sha256= followed by the hex HMAC-SHA256 of the raw body, else it is"
                            + " answered 432"
                            + " and never reaches the route. Several secrets separated by commas are all accepted"
                            + " (for an app-secret rotation).")
    private String flowsAppSecret;
    @UriParam(label = "consumer,flows",
              description = "Type the decrypted request is handed to the route as: a POJO Jackson can bind, JsonNode or"
                            + " String (the JSON text). Default: a Map.")
    private Class<?> flowsRequestClass;
    @UriParam(label = "consumer,flows,security", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long the IV of a decrypted request is remembered: the same IV again within this window"
                            + " is a replay and is answered 421 without reaching the route (WhatsApp makes a fresh IV"
                            + " for every request). At most 100000 IVs are kept, the oldest forgotten first. 0 turns the"
                            + " check off.")
    private long flowsReplayWindow = 300_000;

    public long getFlowsReplayWindow() {
        return flowsReplayWindow;
    }

    public void setFlowsReplayWindow(long flowsReplayWindow) {
        this.flowsReplayWindow = flowsReplayWindow;
    }

    public KapsoFlowsConfiguration copy() {
        try {
            return (KapsoFlowsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getFlowsPrivateKey() {
        return flowsPrivateKey;
    }

    public void setFlowsPrivateKey(String flowsPrivateKey) {
        this.flowsPrivateKey = flowsPrivateKey;
    }

    public String getFlowsPrivateKeyFile() {
        return flowsPrivateKeyFile;
    }

    public void setFlowsPrivateKeyFile(String flowsPrivateKeyFile) {
        this.flowsPrivateKeyFile = flowsPrivateKeyFile;
    }

    public String getFlowsPrivateKeyPassphrase() {
        return flowsPrivateKeyPassphrase;
    }

    public void setFlowsPrivateKeyPassphrase(String flowsPrivateKeyPassphrase) {
        this.flowsPrivateKeyPassphrase = flowsPrivateKeyPassphrase;
    }

    public String getFlowsAppSecret() {
        return flowsAppSecret;
    }

    public void setFlowsAppSecret(String flowsAppSecret) {
        this.flowsAppSecret = flowsAppSecret;
    }

    public Class<?> getFlowsRequestClass() {
        return flowsRequestClass;
    }

    public void setFlowsRequestClass(Class<?> flowsRequestClass) {
        this.flowsRequestClass = flowsRequestClass;
    }

    @Override
    public String toString() {
        // secrets are shown only as set / not set
        return "KapsoFlowsConfiguration[flowsPrivateKey=" + (flowsPrivateKey != null ? "xxxxxx" : "null")
               + ", flowsPrivateKeyFile=" + flowsPrivateKeyFile
               + ", flowsPrivateKeyPassphrase=" + (flowsPrivateKeyPassphrase != null ? "xxxxxx" : "null")
               + ", flowsAppSecret=" + (flowsAppSecret != null ? "xxxxxx" : "null")
               + ", flowsRequestClass=" + (flowsRequestClass != null ? flowsRequestClass.getName() : "null") + "]";
    }
}
