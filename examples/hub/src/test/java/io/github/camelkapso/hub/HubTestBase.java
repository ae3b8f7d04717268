package io.github.camelkapso.hub;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A hub per test on the embedded simulator, with its data in a temporary directory. */
abstract class HubTestBase {

    @TempDir
    Path dataDir;
    KapsoHub hub;

    @BeforeEach
    void startHub() throws Exception {
        hub = new KapsoHub(HubTestSupport.settings(dataDir));
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop();
    }
}
