package io.github.camelkapso.consumer.polling;

import java.util.List;

import io.github.camelkapso.catalog.KapsoCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A polling route with a wrong option fails to start, with a message naming the option; no request leaves. */
class PollingSetupTest extends PollingTestBase {

    @Test
    void anOperationThatIsNotConsumerCapableNamesThePollableOnes() {
        assertStartFails("kapso:sendMessage?phoneNumberId=" + PHONE, "kapso:sendMessage cannot be used in from(...)", "kapso:webhook", KapsoCatalog.get().pollableIds().toString());
        assertThat(KapsoCatalog.get().pollableIds()).contains("listMessages", "queryRows", "listEvents", "listBroadcastRecipients");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aMissingPathParameterFailsTheStart() {
        assertStartFails("kapso:listMessages?delay=100", "kapso:listMessages cannot poll", "'phone_number_id'", "phoneNumberId");
    }

    @Test
    void pagePositionsOnTheUriAreRejected() {
        for (String option : List.of("after=abc", "before=abc")) {
            assertStartFails("kapso:listMessages?phoneNumberId=" + PHONE + "&" + option,
                    "remove option " + option.substring(0, option.indexOf('=')));
        }
        assertStartFails("kapso:listBroadcasts?page=3", "remove option page");
        assertStartFails("kapso:queryRows?table=orders&offset=10", "remove option offset");
    }

    @Test
    void queryRowsOptionsThatFightTheWatermarkAreRejected() {
        assertStartFails("kapso:queryRows?table=orders&order=id.desc", "remove option order");
        assertStartFails("kapso:queryRows?table=orders&filter.created_at=gte.2025-01-01", "filter.created_at conflicts with the watermark filter");
        assertStartFails("kapso:queryRows?table=orders&pollOrderColumn=seq&filter.seq=gt.4", "filter.seq conflicts");
        assertStartFails("kapso:queryRows?table=orders&pollLookback=5000", "pollLookback applies to the time-ordered Kapso lists");
    }

    @Test
    void pollOrderColumnIsForQueryRowsOnly() {
        assertStartFails("kapso:listMessages?phoneNumberId=" + PHONE + "&pollOrderColumn=id", "pollOrderColumn applies to queryRows only");
    }

    @Test
    void anUnreadablePollSinceIsRejected() {
        assertStartFails("kapso:listEvents?pollSince=yesterday", "pollSince 'yesterday' is not an ISO-8601 time");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnreadableStoredStateStopsThePollInsteadOfStartingOver() throws Exception {
        org.apache.camel.support.processor.state.MemoryStateRepository repo = new org.apache.camel.support.processor.state.MemoryStateRepository();
        repo.setState("listEvents", "{\"v\":1,\"mark\":\"not a time\",\"ids\":[]}");
        events.add(GrowingList.item("e1", "occurred_at", "2025-10-09T08:53:20Z"));
        startContext("kapso:listEvents?stateRepository=#state&delay=100&initialDelay=0", java.util.Map.of("state", repo), null);

        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(500)).atMost(java.time.Duration.ofSeconds(2))
                .until(() -> received.isEmpty() && stub.requests().isEmpty());
        assertThat(repo.getState("listEvents")).contains("not a time");
    }

    /** Starting the route fails, and the exception or one of its causes says each of {@code fragments}. */
    private void assertStartFails(String uri, String... fragments) {
        Throwable thrown = null;
        try {
            startContext(uri);
        } catch (Exception e) {
            thrown = e;
        }
        if (thrown == null) {
            fail("kapso route " + uri + " started");
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(fragments);
    }
}
