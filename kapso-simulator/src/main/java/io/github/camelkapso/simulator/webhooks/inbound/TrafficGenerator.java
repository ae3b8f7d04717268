package io.github.camelkapso.simulator.webhooks.inbound;

import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realistic inbound traffic on the seeded number at {@code SimulatorConfig.trafficRate()} messages per second (real
 * time, not scaled): about 20 customers with names and fictional E.164 numbers sending mostly texts, some button
 * and list replies, locations, images and the occasional completed Flow. Runs on a Vert.x periodic timer, so it
 * stops with Vert.x. The sequence is seeded, so runs are repeatable.
 */
final class TrafficGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);
    private static final int MAX_PER_TICK = 100;

    record Customer(String name, String number) {
    }

    /** Numbers from ranges reserved for fiction (US 555-01xx, UK 07700 900xxx, AU 0491 570 xxx) and similar. */
    static final List<Customer> CUSTOMERS = List.of(
            new Customer("Ana Souza", "+15550100101"), new Customer("Ben Carter", "+15550100102"),
            new Customer("Chloé Martin", "+15550100103"), new Customer("Diego Fernández", "+15550100104"),
            new Customer("Emma Schulz", "+15550100105"), new Customer("Farah Haddad", "+15550100106"),
            new Customer("Gabriel Rossi", "+15550100107"), new Customer("Hana Sato", "+15550100108"),
            new Customer("Isaac Cohen", "+15550100109"), new Customer("Julia Nowak", "+15550100110"),
            new Customer("Kwame Mensah", "+447700900111"), new Customer("Laura Jones", "+447700900112"),
            new Customer("Mateo García", "+447700900113"), new Customer("Nadia Petrova", "+447700900114"),
            new Customer("Oliver Smith", "+447700900115"), new Customer("Priya Sharma", "+61491570116"),
            new Customer("Quentin Dubois", "+61491570117"), new Customer("Rosa Lima", "+61491570118"),
            new Customer("Sven Larsen", "+61491570119"), new Customer("Tomás Silva", "+61491570120"));

    private static final String[] TEXTS = {
            "Hi! Is my order on its way?", "Do you ship to Canada?", "What are your opening hours today?",
            "Can I change the delivery address?", "Thanks, that was quick!", "I'd like to return an item",
            "Is the blue one back in stock?", "Can someone call me back?", "The package arrived damaged",
            "How much is shipping?", "Perfect, see you tomorrow", "Do you have a discount code?", "Hola, ¿hablan español?",
            "What's the status of order A-1042?", "Can I pay on delivery?", "👍"};
    private static final String[][] BUTTONS = {
        {"confirm_order", "Yes, confirm"}, {"reschedule", "Reschedule"}, {"talk_to_agent", "Talk to an agent"},
        {"track_order", "Track my order"}};
    private static final String[][] LIST_ROWS = {
        {"size_m", "Medium", "Chest 96-101 cm"}, {"pickup_store", "Pick up in store", "Ready in 2 hours"},
        {"express", "Express delivery", "Next business day"}};
    private static final Object[][] PLACES = {
        {40.7128, -74.0060, "Home", "350 5th Ave, New York, NY"}, {51.5072, -0.1276, "Office", "10 Downing St, London"},
        {-33.8688, 151.2093, null, null}, {-23.5505, -46.6333, "Loja Centro", "Av. Paulista 1000, São Paulo"}};
    private static final String[] CAPTIONS = {"Here's the receipt", "This is the damaged box", null, "Is this the right model?"};
    private static final String[] COMMENTS = {"Quick delivery", "Friendly support", "Took a while but fine", ""};

    private final SimContext ctx;
    private final SplittableRandom random = new SplittableRandom(20_251_126L);
    private long startNanos;
    private long sent;

    TrafficGenerator(SimContext ctx) {
        this.ctx = ctx;
    }

    void start() {
        double rate = ctx.config().trafficRate();
        if (rate <= 0) {
            return;
        }
        long period = Math.max(10, Math.min(1000, Math.round(1000 / rate)));
        startNanos = System.nanoTime();
        ctx.vertx().setPeriodic(period, id -> tick(rate));
        LOG.info("Kapso simulator traffic generator: {} inbound messages/s on {}", rate, ctx.config().phoneNumberId());
    }

    private void tick(double rate) {
        long due = (long) ((System.nanoTime() - startNanos) / 1e9 * rate);
        for (int i = 0; sent < due && i < MAX_PER_TICK; i++) {
            sent++;
            try {
                inject();
            } catch (RuntimeException e) {
                LOG.warn("Traffic generator could not inject a message", e);
            }
        }
    }

    private void inject() {
        Customer customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
        String phoneNumberId = ctx.config().phoneNumberId();
        Messaging.of(ctx).receive(phoneNumberId, customer.number(), customer.name(), nextMessage(phoneNumberId));
    }

    /** Texts 55 %, button replies 12 %, list replies 6 %, locations 10 %, images 12 %, Flow completions 5 %. */
    private ObjectNode nextMessage(String phoneNumberId) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return CustomerMessages.text(pick(TEXTS));
        }
        if (roll < 67) {
            String[] b = BUTTONS[random.nextInt(BUTTONS.length)];
            return CustomerMessages.buttonReply(b[0], b[1]);
        }
        if (roll < 73) {
            String[] row = LIST_ROWS[random.nextInt(LIST_ROWS.length)];
            return CustomerMessages.listReply(row[0], row[1], row[2]);
        }
        if (roll < 83) {
            Object[] p = PLACES[random.nextInt(PLACES.length)];
            return CustomerMessages.location((Double) p[0], (Double) p[1], (String) p[2], (String) p[3]);
        }
        if (roll < 95) {
            ObjectNode media = InboundMedia.store(ctx, phoneNumberId, "image", "image/png", null);
            return CustomerMessages.media("image", media, CAPTIONS[random.nextInt(CAPTIONS.length)]);
        }
        ObjectNode response = SimState.object();
        response.put("rating", String.valueOf(3 + random.nextInt(3)));
        response.put("comment", pick(COMMENTS));
        return CustomerMessages.flowCompletion("ft_" + Ids.token(9), response, "flow");
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
