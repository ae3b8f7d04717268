package io.github.camelkapso.connectors.jdbc;

import java.util.Map;

/**
 * The order a message status only moves up in: sent (1) &lt; delivered (2) &lt; read (3), and failed (4) above them
 * all, so that once a message failed a late sent or delivered report does not make it look on its way again. A status
 * WhatsApp may add later ranks 0: it is recorded until any known status arrives.
 */
final class StatusRank {

    private static final Map<String, Integer> RANKS = Map.of("sent", 1, "delivered", 2, "read", 3, "failed", 4);

    private StatusRank() {
    }

    static int of(String status) {
        return status == null ? 0 : RANKS.getOrDefault(status, 0);
    }
}
