package io.github.camelkapso.hub;

/**
 * Runs the hub: {@code mvn -pl examples/hub exec:java}. Without settings it runs on the embedded Kapso simulator
 * (simulated customers message the seeded number; their messages and every status land in H2 under ./data; texts
 * get an automatic answer); with {@code KAPSO_API_KEY}, {@code KAPSO_PHONE_NUMBER_ID} and {@code KAPSO_PUBLIC_URL}
 * the same hub serves a real WhatsApp number through Kapso.
 */
public final class HubMain {

    private HubMain() {
    }

    public static void main(String[] args) throws Exception {
        new KapsoHub(HubSettings.fromEnvironment()).run();
    }
}
