package io.github.camelkapso.simulator;

/**
 * Settings of a simulator instance. Defaults give a ready project with one WhatsApp number.
 *
 * @param host              interface to bind (loopback by default)
 * @param port              port to bind; 0 picks a free one
 * @param apiKey            the project API key clients must send as X-API-Key
 * @param businessAccountId id of the seeded WhatsApp Business account
 * @param phoneNumberId     id of the seeded phone number
 * @param displayPhoneNumber the seeded number as customers see it
 * @param timeFactor        scales Kapso's delays (webhook retries, buffering): 0.001 turns 10 s into 10 ms
 * @param trafficRate       inbound customer messages per second generated on the seeded number; 0 = off
 * @param failingNumbers    comma-separated recipient numbers whose messages fail delivery (status failed)
 */
public record SimulatorConfig(String host, int port, String apiKey, String businessAccountId, String phoneNumberId,
                              String displayPhoneNumber, double timeFactor, double trafficRate, String failingNumbers) {

    public static final String DEFAULT_API_KEY = "sim-api-key";
    public static final String DEFAULT_BUSINESS_ACCOUNT_ID = "102290129340398";
    public static final String DEFAULT_PHONE_NUMBER_ID = "106540352242922";

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, DEFAULT_API_KEY, DEFAULT_BUSINESS_ACCOUNT_ID, DEFAULT_PHONE_NUMBER_ID,
                "+1 555-010-0100", 1.0, 0, "15550009999");
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withApiKey(String apiKey) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withIds(String businessAccountId, String phoneNumberId) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withTimeFactor(double timeFactor) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withTrafficRate(double trafficRate) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withFailingNumbers(String failingNumbers) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public SimulatorConfig withHost(String host) {
        return new SimulatorConfig(host, port, apiKey, businessAccountId, phoneNumberId, displayPhoneNumber, timeFactor,
                trafficRate, failingNumbers);
    }

    public boolean isFailingNumber(String number) {
        if (failingNumbers == null || number == null) {
            return false;
        }
        String digits = digits(number);
        for (String f : failingNumbers.split(",")) {
            if (!f.isBlank() && digits(f).equals(digits)) {
                return true;
            }
        }
        return false;
    }

    private static String digits(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
