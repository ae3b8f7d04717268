package io.github.camelkapso.hub;

import java.nio.file.Path;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.server.KapsoHttpServer;
import io.github.camelkapso.simulator.KapsoSimulator;
import io.github.camelkapso.simulator.SimulatorConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub assembled on Camel Main: the kapso component (pointed at the embedded simulator or the real Kapso), the
 * platform-http server for webhooks and the Flows data endpoint, the H2 database and the routes of {@link HubRoutes}.
 */
public final class KapsoHub {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoHub.class);

    private final HubSettings settings;
    private final Main main = new Main();
    private KapsoSimulator simulator;
    private JdbcConnectionPool database;

    public KapsoHub(HubSettings settings) {
        this.settings = settings;
    }

    /** Starts the hub and returns once its routes run. */
    public void start() throws Exception {
        prepare();
        try {
            main.start();
        } catch (Exception | Error e) {
            release();
            throw e;
        }
    }

    /** Starts the hub and blocks until it is stopped (Ctrl-C, or hub.duration-seconds). */
    public void run() throws Exception {
        prepare();
        try {
            main.run();
        } finally {
            release();
        }
    }

    public void stop() {
        main.stop();
        release();
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** The embedded simulator, or null against the real Kapso. */
    public KapsoSimulator simulator() {
        return simulator;
    }

    public javax.sql.DataSource dataSource() {
        return database;
    }

    public HubSettings settings() {
        return settings;
    }

    private void prepare() {
        KapsoComponent kapso = new KapsoComponent();
        if (settings.embedded()) {
            simulator = KapsoSimulator.start(SimulatorConfig.defaults().withTrafficRate(settings.trafficRate())
                    .withTimeFactor(settings.simulatorTimeFactor()));
            kapso.getConfiguration().setBaseUrl(simulator.baseUrl());
            kapso.getConfiguration().setApiKey(SimulatorConfig.DEFAULT_API_KEY);
            kapso.getConfiguration().setPhoneNumberId(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
            kapso.getConfiguration().setBusinessAccountId(SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID);
            LOG.info("Embedded Kapso simulator at {} (traffic {} msg/s); set KAPSO_API_KEY to use the real Kapso",
                    simulator.baseUrl(), settings.trafficRate());
        } else {
            kapso.getConfiguration().setBaseUrl(settings.baseUrl());
            kapso.getConfiguration().setApiKey(settings.apiKey());
            kapso.getConfiguration().setPhoneNumberId(settings.phoneNumberId());
            LOG.info("Kapso at {} for phone number {}", settings.baseUrl(), settings.phoneNumberId());
        }
        Path keyFile = FlowsKeyPair.ensure(settings.dataDir());
        database = JdbcConnectionPool.create("jdbc:h2:file:" + settings.dataDir().resolve("kapso-hub")
                                             + ";INIT=RUNSCRIPT FROM 'classpath:sql/schema.sql'", "sa", "");
        JdbcMessageIdRepository idempotency = new JdbcMessageIdRepository(database, "kapso-webhooks");

        main.bind("kapso", kapso);
        main.bind(HubRoutes.DATA_SOURCE, database);
        main.bind(HubRoutes.IDEMPOTENCY, idempotency);
        main.configure().withName("kapso-hub");
        if (settings.durationSeconds() > 0) {
            main.configure().setDurationMaxSeconds((int) settings.durationSeconds());
        }
        main.configure().addRoutesBuilder(new HubRoutes(settings, keyFile));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                VertxPlatformHttpServerConfiguration http = KapsoHttpServer.configuration(
                        settings.embedded() ? "127.0.0.1" : "0.0.0.0", settings.port());
                try {
                    support.getCamelContext().addService(new KapsoHttpServer(http), true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the hub's HTTP server on port " + settings.port(), e);
                }
            }

            @Override
            public void afterStop(BaseMainSupport support) {
                release();
            }
        });
    }

    private synchronized void release() {
        if (database != null) {
            database.dispose();
            database = null;
        }
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
