package io.github.camelkapso.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kapso-simulator.jar [--port N] [--host H] [--api-key K] [--business-account-id ID]
 * [--phone-number-id ID] [--time-factor F] [--traffic-rate R] [--failing-numbers N1,N2]}
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = parse(args);
        KapsoSimulator simulator = KapsoSimulator.start(config);
        System.out.println("Kapso simulator listening on " + simulator.baseUrl());
        System.out.println("  API key:                  " + config.apiKey());
        System.out.println("  WhatsApp Business account: " + config.businessAccountId());
        System.out.println("  Phone number id:          " + config.phoneNumberId() + " (" + config.displayPhoneNumber() + ")");
        System.out.println("  WhatsApp API:             " + simulator.baseUrl() + "/meta/whatsapp/v24.0");
        System.out.println("  Platform API:             " + simulator.baseUrl() + "/platform/v1");
        System.out.println("  Admin API:                " + simulator.baseUrl() + "/_sim/health");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "kapso-simulator-shutdown"));
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        SimulatorConfig c = SimulatorConfig.defaults().withPort(8090);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println("Usage: java -jar kapso-simulator.jar [--port N] [--host H] [--api-key K]"
                                   + " [--business-account-id ID] [--phone-number-id ID] [--time-factor F]"
                                   + " [--traffic-rate MSG_PER_S] [--failing-numbers N1,N2]");
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port":
                    c = c.withPort(Integer.parseInt(value));
                    break;
                case "--host":
                    c = c.withHost(value);
                    break;
                case "--api-key":
                    c = c.withApiKey(value);
                    break;
                case "--business-account-id":
                    c = c.withIds(value, c.phoneNumberId());
                    break;
                case "--phone-number-id":
                    c = c.withIds(c.businessAccountId(), value);
                    break;
                case "--time-factor":
                    c = c.withTimeFactor(Double.parseDouble(value));
                    break;
                case "--traffic-rate":
                    c = c.withTrafficRate(Double.parseDouble(value));
                    break;
                case "--failing-numbers":
                    c = c.withFailingNumbers(value);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + flag + " (see --help)");
            }
        }
        return c;
    }
}
